extension PostgresSchema {
    /// The order desk and integration: orders and their feed, quote numbers, order
    /// webhooks with their transactional outbox, escalations, web-to-lead rules and
    /// assignments, API tokens, and the browser console's sign-in and writer devices.
    static let desk: [String] = [
        // One order per quote version, however often a device sends it.
        """
        CREATE TABLE sales_order (
            id uuid PRIMARY KEY,
            quote_id uuid NOT NULL,
            quote_hash text NOT NULL,
            number bigint NOT NULL UNIQUE CHECK (number >= 1),
            status text NOT NULL CHECK (status IN ('submitted', 'accepted', 'rejected', 'fulfilled')),
            total_minor bigint NOT NULL,
            total_currency text NOT NULL,
            placed_by uuid NOT NULL REFERENCES device(id),
            placed_at timestamptz NOT NULL,
            change_seq bigint NOT NULL,
            UNIQUE (quote_id, quote_hash)
        )
        """,
        // The feed: one row per state an order reached; `cursor` is what readers resume after.
        """
        CREATE TABLE order_event (
            cursor bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            order_id uuid NOT NULL REFERENCES sales_order(id),
            status text NOT NULL,
            note text,
            at timestamptz NOT NULL
        )
        """,
        """
        CREATE TABLE quote_number (
            quote_id uuid PRIMARY KEY,
            number bigint NOT NULL CHECK (number >= 1)
        )
        """,
        "CREATE INDEX quote_number_by_number ON quote_number(number)",
        // `events` is the subscribed event names between commas: ",order.submitted,order.accepted,".
        """
        CREATE TABLE webhook (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            url text NOT NULL,
            secret text NOT NULL,
            events text NOT NULL,
            created_at timestamptz NOT NULL,
            removed_at timestamptz
        )
        """,
        """
        CREATE TABLE webhook_delivery (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            webhook_id bigint NOT NULL REFERENCES webhook(id),
            event_cursor bigint NOT NULL REFERENCES order_event(cursor),
            order_id uuid NOT NULL,
            event text NOT NULL,
            body bytea,
            state text NOT NULL CHECK (state IN ('pending', 'delivered', 'failed')),
            attempts integer NOT NULL DEFAULT 0,
            created_at timestamptz NOT NULL,
            next_attempt_at timestamptz NOT NULL,
            last_attempt_at timestamptz,
            last_status integer,
            last_error text,
            delivered_at timestamptz
        )
        """,
        "CREATE INDEX webhook_delivery_due ON webhook_delivery(state, next_attempt_at)",
        "CREATE INDEX webhook_delivery_by_order ON webhook_delivery(webhook_id, order_id, state)",
        // The outbox is written in the very transaction that inserts the order event,
        // whichever code path inserts it.
        """
        CREATE FUNCTION order_event_webhook_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            INSERT INTO webhook_delivery (webhook_id, event_cursor, order_id, event, state, created_at, next_attempt_at)
            SELECT id, NEW.cursor, NEW.order_id, 'order.' || NEW.status, 'pending', NEW.at, NEW.at
            FROM webhook WHERE removed_at IS NULL AND strpos(events, ',order.' || NEW.status || ',') > 0 ORDER BY id;
            RETURN NULL;
        END
        $$
        """,
        """
        CREATE TRIGGER order_event_webhook_outbox AFTER INSERT ON order_event
        FOR EACH ROW EXECUTE FUNCTION order_event_webhook_outbox()
        """,
        // `level` 0: watched; 1: the approving manager has a task; 2: their manager too.
        """
        CREATE TABLE approval_wait (
            quote_id uuid PRIMARY KEY,
            since timestamptz NOT NULL,
            level integer NOT NULL DEFAULT 0 CHECK (level BETWEEN 0 AND 2)
        )
        """,
        // `postcode_prefixes` is the prefixes joined by commas ('' for none).
        """
        CREATE TABLE assignment_rule (
            name text PRIMARY KEY,
            priority integer NOT NULL,
            country text,
            postcode_prefixes text NOT NULL,
            industry text,
            product_interest text,
            territory_id uuid NOT NULL REFERENCES territory(id)
        )
        """,
        """
        CREATE TABLE lead_queue (
            id integer PRIMARY KEY CHECK (id = 1),
            territory_id uuid NOT NULL REFERENCES territory(id)
        )
        """,
        """
        CREATE TABLE lead_assignment (
            lead_id uuid PRIMARY KEY REFERENCES lead(id),
            user_id uuid REFERENCES "user"(id),
            territory_id uuid NOT NULL REFERENCES territory(id),
            rule_name text,
            assigned_at timestamptz NOT NULL
        )
        """,
        "CREATE INDEX lead_assignment_by_user ON lead_assignment(user_id, assigned_at)",
        """
        CREATE TABLE api_token (
            id text PRIMARY KEY,
            label text NOT NULL,
            digest bytea NOT NULL UNIQUE CHECK (octet_length(digest) = 32),
            scopes text NOT NULL,
            created_at timestamptz NOT NULL,
            expires_at timestamptz,
            revoked_at timestamptz
        )
        """,
        """
        CREATE TABLE console_password (
            user_id uuid PRIMARY KEY REFERENCES "user"(id) ON DELETE CASCADE,
            hash text NOT NULL,
            set_at timestamptz NOT NULL
        )
        """,
        """
        CREATE TABLE console_link (
            token_hash bytea PRIMARY KEY CHECK (octet_length(token_hash) = 32),
            user_id uuid NOT NULL REFERENCES "user"(id) ON DELETE CASCADE,
            expires_at timestamptz NOT NULL,
            used_at timestamptz
        )
        """,
        """
        CREATE TABLE console_session (
            token_hash bytea PRIMARY KEY CHECK (octet_length(token_hash) = 32),
            user_id uuid NOT NULL REFERENCES "user"(id) ON DELETE CASCADE,
            csrf text NOT NULL,
            created_at timestamptz NOT NULL,
            last_seen_at timestamptz NOT NULL
        )
        """,
        "CREATE INDEX console_session_by_user ON console_session(user_id)",
        // The device each user's console writes as (a device without a usable key).
        """
        CREATE TABLE console_device (
            user_id uuid PRIMARY KEY REFERENCES "user"(id) ON DELETE CASCADE,
            number bigint NOT NULL UNIQUE REFERENCES sync_device(number)
        )
        """,
    ]
}
