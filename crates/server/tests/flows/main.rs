//! Integration flows: the real application on SQLite and on PostgreSQL, driven over HTTP.

mod accounts;
mod approaches;
mod areas;
mod logbook;
mod mail;
mod organisations;
mod permissions;
mod platform;
mod queries;
mod registry;
mod security;
mod storage;
mod support;
