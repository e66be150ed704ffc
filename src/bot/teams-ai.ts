/**
 * Application and TeamsAdapter from their own files, not the package index (which requires every module of
 * teams-ai), after the modules this bot never configures are deferred. Import teams-ai values from here only.
 */
import "./defer-unused-teams-ai";

export { Application } from "@microsoft/teams-ai/lib/Application";
export { TeamsAdapter } from "@microsoft/teams-ai/lib/TeamsAdapter";
