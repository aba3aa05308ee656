extension Schema {
    /// Which document each stored chunk belongs to, so a device is given only chunks of
    /// documents in its scope; and the bytes each device has uploaded, for its quota.
    static let v20Documents: [String] = [
        """
        CREATE TABLE document_chunk (
            document BLOB NOT NULL CHECK (length(document) = 16),
            chunk BLOB NOT NULL CHECK (length(chunk) = 32),
            PRIMARY KEY (document, chunk)
        ) STRICT, WITHOUT ROWID
        """,
        "CREATE INDEX document_chunk_by_chunk ON document_chunk(chunk)",
        """
        CREATE TABLE document_upload (
            device INTEGER NOT NULL PRIMARY KEY,
            bytes INTEGER NOT NULL
        ) STRICT
        """,
    ]

    /// The chunks a removed or replaced document stopped naming: their content is deleted
    /// once no live document names them (``SQLiteStore/collectOrphanChunks(heldSince:deletingContent:)``).
    static let v21DocumentOrphans = "CREATE TABLE document_orphan (chunk BLOB NOT NULL PRIMARY KEY CHECK (length(chunk) = 32)) STRICT, WITHOUT ROWID"
}

extension Schema {
    /// The chunks each device uploaded, when last, and how many of its uploads that no
    /// record has named yet hold each: an orphan candidate held since the collection's
    /// cut-off is not deleted, so content uploaded for a record that has not arrived yet
    /// survives the removal of another document naming it
    /// (``SQLiteStore/collectOrphanChunks(heldSince:deletingContent:)``).
    static let v22DocumentUploadHolds = """
        CREATE TABLE document_upload_hold (
            chunk BLOB NOT NULL CHECK (length(chunk) = 32),
            device INTEGER NOT NULL,
            held_at INTEGER NOT NULL,
            uploads INTEGER NOT NULL CHECK (uploads > 0),
            PRIMARY KEY (chunk, device)
        ) STRICT, WITHOUT ROWID
        """
}
