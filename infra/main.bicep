// MFA Ready on Azure: an Azure Bot, a Linux App Service on Node 24 with at least two instances, one
// user-assigned managed identity for everything (the bot's identity, Microsoft Graph, Storage), and a
// Storage account reached only through that identity (RBAC; shared keys disabled). No secret anywhere.
// Deploy with the `az` commands in README.md ("Deploy to Azure").

@description('Short name used for every resource (letters and digits).')
@minLength(3)
@maxLength(16)
param name string

param location string = resourceGroup().location

@description('The tenant the bot reads through Microsoft Graph (and the bot\'s own tenant).')
param tenantId string = subscription().tenantId

@description('Instances of the app; two or more, so one can be recycled while the other answers.')
@minValue(2)
param instanceCount int = 2

@description('App Service plan size (P0v3 and up run several instances).')
param planSku string = 'P0v3'

@description('The Teams app id of the manifest, once uploaded (optional).')
param teamsAppId string = ''

var storageName = toLower('${name}${uniqueString(resourceGroup().id)}')
// Built-in Storage data roles: exactly what the stores use (tables for the product's stores, a blob
// container for bot state). No queue role: broadcast work is leased through the job rows.
var storageTableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
var storageBlobDataContributor = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${name}-id'
  location: location
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: take(storageName, 24)
  location: location
  kind: 'StorageV2'
  sku: { name: 'Standard_ZRS' }
  properties: {
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    defaultToOAuthAuthentication: true
  }
}

resource tableRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, storageTableDataContributor)
  scope: storage
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageTableDataContributor)
  }
}

resource blobRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, storageBlobDataContributor)
  scope: storage
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataContributor)
  }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${name}-plan'
  location: location
  kind: 'linux'
  sku: { name: planSku, capacity: instanceCount }
  properties: { reserved: true }
}

resource app 'Microsoft.Web/sites@2023-12-01' = {
  name: '${name}-app'
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: 'NODE|24-lts'
      appCommandLine: 'npm start'
      alwaysOn: true
      healthCheckPath: '/healthz'
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: [
        { name: 'BOT_ID', value: identity.properties.clientId }
        { name: 'BOT_TYPE', value: 'UserAssignedMSI' }
        { name: 'BOT_TENANT_ID', value: tenantId }
        { name: 'HOST', value: '0.0.0.0' }
        { name: 'ALLOWED_TENANTS', value: tenantId }
        { name: 'TENANT_ID', value: tenantId }
        { name: 'GRAPH_CREDENTIAL', value: 'managed-identity' }
        { name: 'GRAPH_CLIENT_ID', value: identity.properties.clientId }
        { name: 'STORAGE', value: 'azure' }
        { name: 'AZURE_STORAGE_ACCOUNT_URL', value: storage.properties.primaryEndpoints.table }
        { name: 'AZURE_CLIENT_ID', value: identity.properties.clientId }
        { name: 'TEAMS_APP_ID', value: teamsAppId }
        { name: 'LOG_LEVEL', value: 'info' }
        { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'true' }
      ]
    }
  }
  dependsOn: [tableRole, blobRole]
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: '${name}-bot'
  location: 'global'
  kind: 'azurebot'
  sku: { name: 'S1' }
  properties: {
    displayName: 'MFA Ready'
    endpoint: 'https://${app.properties.defaultHostName}/api/messages'
    msaAppType: 'UserAssignedMSI'
    msaAppId: identity.properties.clientId
    msaAppTenantId: tenantId
    msaAppMSIResourceId: identity.id
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: { isEnabled: true }
  }
}

output appUrl string = 'https://${app.properties.defaultHostName}'
output identityClientId string = identity.properties.clientId
output identityPrincipalId string = identity.properties.principalId
output storageAccount string = storage.name
