extension Schema {
    /// Tables of the sync protocol: the hub's replicated state per record, the
    /// server's key, and per-device ledgers (replay counter, processed writes and
    /// their outcomes, scope versions).
    static let v2Sync: [String] = [
        "ALTER TABLE enrolment_code ADD COLUMN seal_key BLOB",
        // The merge engine's state of every replicated record. `seq` is the delivery
        // sequence (the change sequence): a device at watermark W receives rows with
        // seq > W. `territory` is the resolved routing territory (NULL: global data).
        """
        CREATE TABLE replica_record (
            id BLOB NOT NULL PRIMARY KEY CHECK (length(id) = 16),
            kind INTEGER NOT NULL,
            territory BLOB CHECK (territory IS NULL OR length(territory) = 16),
            seq INTEGER NOT NULL,
            state BLOB NOT NULL
        ) STRICT
        """,
        "CREATE INDEX replica_record_by_route ON replica_record(territory, seq)",
        "CREATE INDEX replica_record_by_seq ON replica_record(seq)",
        """
        CREATE TABLE server_key (
            id INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
            public_key BLOB NOT NULL,
            secret_key BLOB NOT NULL
        ) STRICT
        """,
        // A device's replica number (its id in sync requests and merge stamps) and
        // its ledger: the last request counter (replays are refused) and the highest
        // device write processed (writes apply once, in order).
        """
        CREATE TABLE sync_device (
            number INTEGER NOT NULL PRIMARY KEY,
            device_id TEXT NOT NULL UNIQUE REFERENCES device(id),
            last_counter INTEGER NOT NULL DEFAULT 0,
            applied_through INTEGER NOT NULL DEFAULT 0
        ) STRICT
        """,
        // Outcomes of processed device writes, kept until the device shows (by its
        // pending writes) that it has them: a retried push gets the same answer.
        """
        CREATE TABLE sync_outcome (
            device INTEGER NOT NULL REFERENCES sync_device(number),
            counter INTEGER NOT NULL,
            stamp INTEGER,
            refusal_code INTEGER,
            refusal_message TEXT,
            PRIMARY KEY (device, counter),
            CHECK ((stamp IS NULL) <> (refusal_code IS NULL))
        ) STRICT, WITHOUT ROWID
        """,
        // Each scope (set of territory ids, 16 bytes each, ascending) a device has had.
        """
        CREATE TABLE sync_scope (
            device INTEGER NOT NULL REFERENCES sync_device(number),
            version INTEGER NOT NULL,
            territories BLOB NOT NULL,
            PRIMARY KEY (device, version)
        ) STRICT, WITHOUT ROWID
        """,
    ]
}
