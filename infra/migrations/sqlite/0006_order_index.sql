-- The gateway's index of orders, for listing with filters and paging: one row per client order id, kept up to date
-- from the portfolios' order updates. The orders themselves live in their Order grains; a listing reads the ids here
-- and the orders there. created_at is ISO 8601 UTC with 7 fractional digits, so text order is time order.
CREATE TABLE IF NOT EXISTS order_index (
    client_order_id TEXT PRIMARY KEY,
    portfolio_id    TEXT NOT NULL,
    symbol          TEXT NOT NULL,
    side            TEXT NOT NULL,
    status          TEXT NOT NULL,
    is_open         INTEGER NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS order_index_by_portfolio ON order_index (portfolio_id, created_at, client_order_id);
