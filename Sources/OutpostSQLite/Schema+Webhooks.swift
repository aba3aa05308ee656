extension Schema {
    /// The order webhooks and their transactional outbox.
    ///
    /// `webhook_delivery` is the outbox: one row per (webhook, order event), written
    /// by the trigger `order_event_webhook_outbox` in the very transaction that
    /// inserts the `order_event` row, whichever code path inserts it (device push,
    /// desk move). So an order event and its deliveries commit together or not at
    /// all, and a crash between them is impossible.
    static let v8Webhooks: [String] = [
        // `events` is the subscribed event names between commas: ",order.submitted,order.accepted,".
        """
        CREATE TABLE webhook (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            url TEXT NOT NULL,
            secret TEXT NOT NULL,
            events TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            removed_at INTEGER
        ) STRICT
        """,
        // `body` is fixed at the first attempt so that every retry sends the same bytes.
        """
        CREATE TABLE webhook_delivery (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            webhook_id INTEGER NOT NULL REFERENCES webhook(id),
            event_cursor INTEGER NOT NULL REFERENCES order_event(cursor),
            order_id TEXT NOT NULL,
            event TEXT NOT NULL,
            body BLOB,
            state TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'failed')),
            attempts INTEGER NOT NULL DEFAULT 0,
            created_at INTEGER NOT NULL,
            next_attempt_at INTEGER NOT NULL,
            last_attempt_at INTEGER,
            last_status INTEGER,
            last_error TEXT,
            delivered_at INTEGER
        ) STRICT
        """,
        "CREATE INDEX webhook_delivery_due ON webhook_delivery(state, next_attempt_at)",
        "CREATE INDEX webhook_delivery_by_order ON webhook_delivery(webhook_id, order_id, state)",
        """
        CREATE TRIGGER order_event_webhook_outbox AFTER INSERT ON order_event BEGIN
            INSERT INTO webhook_delivery (webhook_id, event_cursor, order_id, event, state, created_at, next_attempt_at)
            SELECT id, NEW.cursor, NEW.order_id, 'order.' || NEW.status, 'pending', NEW.at, NEW.at
            FROM webhook WHERE removed_at IS NULL AND instr(events, ',order.' || NEW.status || ',') > 0 ORDER BY id;
        END
        """,
    ]
}
