-- Reminders: one row per (service, grain type, typed key, reminder name); the key is the grain key's canonical text,
-- as in grain_state. Ticks are due at start_at + k * period. last_tick_at is the due time of the last tick delivered
-- (NULL: none since the reminder was registered or updated), so that a tick missed while the silo was down fires
-- once at the next start and not again. Times are ISO 8601 text with offset, the period is d.hh:mm:ss.fffffff text.
CREATE TABLE IF NOT EXISTS reminders (
    service_id    TEXT NOT NULL,
    grain_type    TEXT NOT NULL,
    grain_key     TEXT NOT NULL,
    reminder_name TEXT NOT NULL,
    start_at      TEXT NOT NULL,
    period        TEXT NOT NULL,
    last_tick_at  TEXT,
    PRIMARY KEY (service_id, grain_type, grain_key, reminder_name)
) WITHOUT ROWID;
