extension Schema {
    /// Secrets sealed under the server's key file (`ServerSecrets`): its key pairs by
    /// name, and each enrolment code's key.
    static let v7SealedSecrets: [String] = [
        """
        CREATE TABLE sealed_key_pair (
            name TEXT NOT NULL PRIMARY KEY,
            public_key BLOB NOT NULL,
            sealed_secret_key BLOB NOT NULL
        ) STRICT
        """,
        "ALTER TABLE enrolment_code ADD COLUMN sealed_key BLOB",
    ]

    /// The places an older Outpost kept secrets in clear, dropped once they are sealed.
    static let v7DropClearSecrets: [String] = [
        "DROP TABLE server_key",
        "DROP TABLE catalog_signing_key",
        "ALTER TABLE enrolment_code DROP COLUMN seal_key",
    ]
}
