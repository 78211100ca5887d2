-- Reminders: one row per (service, grain type, typed key, reminder name); the key is the grain key's canonical text,
-- as in grain_state. Ticks are due at start_at + k * period. last_tick_at is the due time of the last tick delivered
-- (NULL: none since the reminder was registered or updated), so that a tick missed while the silo was down fires
-- once at the next start and not again.
CREATE TABLE IF NOT EXISTS reminders (
    service_id    text        NOT NULL,
    grain_type    text        NOT NULL,
    grain_key     text        NOT NULL,
    reminder_name text        NOT NULL,
    start_at      timestamptz NOT NULL,
    period        interval    NOT NULL,
    last_tick_at  timestamptz,
    PRIMARY KEY (service_id, grain_type, grain_key, reminder_name)
);
