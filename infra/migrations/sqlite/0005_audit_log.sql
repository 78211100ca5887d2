-- The audit log: append-only and tamper-evident. Entries are numbered 1, 2, 3, ... with no gap; each carries the hash
-- of the previous entry (prev_hash, 64 zeros for the first) and its own hash over its fields and prev_hash, so a
-- modified, deleted or reordered entry breaks the chain at that entry. detail is JSON. Times are ISO 8601 UTC.
CREATE TABLE IF NOT EXISTS audit_log (
    seq       INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    actor     TEXT NOT NULL,
    action    TEXT NOT NULL,
    target    TEXT,
    result    TEXT NOT NULL,
    detail    TEXT,
    prev_hash TEXT NOT NULL,
    hash      TEXT NOT NULL
);
