extension Schema {
    /// The catalog-signing key (Ed25519, libsodium's 64-byte secret key) and every
    /// catalog bundle version the server has signed.
    static let v5CatalogSigning: [String] = [
        """
        CREATE TABLE catalog_signing_key (
            id INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
            public_key BLOB NOT NULL CHECK (length(public_key) = 32),
            secret_key BLOB NOT NULL CHECK (length(secret_key) = 64)
        ) STRICT
        """,
        """
        CREATE TABLE catalog_bundle_version (
            version INTEGER NOT NULL PRIMARY KEY,
            product_id TEXT NOT NULL
        ) STRICT
        """,
    ]
}
