-- Work in Rust on the data, once per database, recorded by name (`migrate::DATA_STEPS`). The
-- first: an action is found by the names of the party and the person that own it, and a
-- document keeps its file's name among its words when it is edited; the words are the
-- domain's (`search_document`, which SQL cannot compute), so the store writes them again for
-- every entry ("search-owner-words").
CREATE TABLE data_steps (
    name TEXT PRIMARY KEY,
    done_at TEXT NOT NULL
);
