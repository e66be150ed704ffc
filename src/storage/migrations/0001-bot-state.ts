import type { Migration } from "./migration";

export const migration: Migration = {
  version: 1,
  name: "bot state (botbuilder Storage) with eTags",
  sql: `
    CREATE TABLE bot_state (
      key        TEXT PRIMARY KEY,
      value      TEXT NOT NULL,
      etag       TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );`,
};
