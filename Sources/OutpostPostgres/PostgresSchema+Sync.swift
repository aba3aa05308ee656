extension PostgresSchema {
    /// The hub's sync state: each replicated record's merge state, per-device ledgers
    /// (request counter, processed writes and their outcomes, scope versions), records
    /// that left a territory, the server's sealed key pairs and its epoch.
    static let sync: [String] = [
        // `seq` is the delivery sequence (a change sequence value): a device at watermark
        // W receives rows with seq > W. `territory` is the routing territory (NULL: global).
        """
        CREATE TABLE replica_record (
            id bytea PRIMARY KEY CHECK (octet_length(id) = 16),
            kind integer NOT NULL,
            territory bytea CHECK (territory IS NULL OR octet_length(territory) = 16),
            seq bigint NOT NULL,
            state bytea NOT NULL
        )
        """,
        "CREATE INDEX replica_record_by_route ON replica_record(territory, seq)",
        "CREATE INDEX replica_record_by_seq ON replica_record(seq)",
        "CREATE INDEX replica_record_by_kind ON replica_record(kind, seq)",
        """
        CREATE TABLE sync_device (
            number bigint PRIMARY KEY,
            device_id uuid NOT NULL UNIQUE REFERENCES device(id),
            last_counter bigint NOT NULL DEFAULT 0,
            applied_through bigint NOT NULL DEFAULT 0
        )
        """,
        """
        CREATE TABLE sync_outcome (
            device bigint NOT NULL REFERENCES sync_device(number),
            counter bigint NOT NULL,
            stamp bigint,
            refusal_code bigint,
            refusal_message text,
            PRIMARY KEY (device, counter),
            CHECK ((stamp IS NULL) <> (refusal_code IS NULL))
        )
        """,
        """
        CREATE TABLE sync_scope (
            device bigint NOT NULL REFERENCES sync_device(number),
            version bigint NOT NULL,
            territories bytea NOT NULL,
            PRIMARY KEY (device, version)
        )
        """,
        """
        CREATE TABLE record_departure (
            seq bigint PRIMARY KEY,
            record bytea NOT NULL CHECK (octet_length(record) = 16),
            territory bytea NOT NULL CHECK (octet_length(territory) = 16)
        )
        """,
        "CREATE INDEX record_departure_by_territory ON record_departure(territory, seq)",
        """
        CREATE TABLE sealed_key_pair (
            name text PRIMARY KEY,
            public_key bytea NOT NULL,
            sealed_secret_key bytea NOT NULL
        )
        """,
        """
        CREATE TABLE server_epoch (
            id integer PRIMARY KEY CHECK (id = 1),
            epoch bigint NOT NULL,
            started_at timestamptz NOT NULL
        )
        """,
        "INSERT INTO server_epoch (id, epoch, started_at) VALUES (1, floor(random() * 9007199254740990)::bigint + 1, now())",
    ]
}
