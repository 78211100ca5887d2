-- API keys of the gateway. The secret is shown once at creation and stored only as its SHA-256 (hex); a key is found
-- by key_id (the public part of the token) and its secret compared in constant time. role is viewer, trader or admin;
-- portfolios is a comma-separated list of the portfolio ids the key may touch, NULL for all. Times are ISO 8601 UTC.
CREATE TABLE IF NOT EXISTS api_keys (
    key_id      TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    secret_hash TEXT NOT NULL,
    role        TEXT NOT NULL,
    portfolios  TEXT,
    created_at  TEXT NOT NULL,
    expires_at  TEXT,
    revoked_at  TEXT
);
