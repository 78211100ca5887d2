-- Grain state: one row per (service, grain type, typed key, state name). The key is the grain key's canonical
-- text ("s:020235", "i:20235"), never re-parsed. payload is the state as JSON, NULL after a clear (the row keeps
-- counting versions so an ETag from before the clear stays stale). version is the ETag.
CREATE TABLE IF NOT EXISTS grain_state (
    service_id  TEXT    NOT NULL,
    grain_type  TEXT    NOT NULL,
    grain_key   TEXT    NOT NULL,
    state_name  TEXT    NOT NULL,
    payload     TEXT,
    version     INTEGER NOT NULL,
    modified_at TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    PRIMARY KEY (service_id, grain_type, grain_key, state_name)
) WITHOUT ROWID;
