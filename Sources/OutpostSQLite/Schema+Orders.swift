extension Schema {
    /// Tables of the order desk: each order the server took in, with the number it
    /// gave and the total it priced, and the feed of order state changes.
    static let v4Orders: [String] = [
        // The order desk's devices receive every order, whatever its territory.
        "CREATE INDEX replica_record_by_kind ON replica_record(kind, seq)",
        // One row per order accepted on intake. (quote_id, quote_hash) is unique: one
        // order per quote version, however often a device sends it.
        """
        CREATE TABLE sales_order (
            id TEXT NOT NULL PRIMARY KEY,
            quote_id TEXT NOT NULL,
            quote_hash TEXT NOT NULL,
            number INTEGER NOT NULL UNIQUE CHECK (number >= 1),
            status TEXT NOT NULL CHECK (status IN ('submitted', 'accepted', 'rejected', 'fulfilled')),
            total_minor INTEGER NOT NULL,
            total_currency TEXT NOT NULL,
            placed_by TEXT NOT NULL REFERENCES device(id),
            placed_at INTEGER NOT NULL,
            change_seq INTEGER NOT NULL,
            UNIQUE (quote_id, quote_hash)
        ) STRICT
        """,
        // The feed: one row per state an order reached (with the desk's note to the
        // rep, if any), in the order the server recorded them; `cursor` is what feed
        // readers resume after.
        """
        CREATE TABLE order_event (
            cursor INTEGER PRIMARY KEY AUTOINCREMENT,
            order_id TEXT NOT NULL REFERENCES sales_order(id),
            status TEXT NOT NULL,
            note TEXT,
            at INTEGER NOT NULL
        ) STRICT
        """,
    ]
}
