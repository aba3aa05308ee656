/// The SQL of each schema version, applied by `Migrations`.
///
/// Conventions (see `Encoding.swift` for the value encodings):
/// - every table is `STRICT`, so a wrongly typed value is refused rather than coerced;
/// - every reference is a `FOREIGN KEY` (checked immediately; GRDB turns `foreign_keys` on);
/// - every replicated table (CRM records, territories, users, catalog, forecasts) has
///   `change_seq`, a value of the server-wide sequence in `change_sequence`, set on
///   every insert and update and uniquely indexed, so a sync can ask for the
///   records changed since a sequence number. Child rows (`user_territory`,
///   `price_book_entry`, `forecast_amount`) bump their parent's `change_seq`.
enum Schema {
    /// The first schema: every entity of the domain model.
    static let v1Core: [String] = [
        """
        CREATE TABLE change_sequence (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            value INTEGER NOT NULL
        ) STRICT
        """,
        "INSERT INTO change_sequence (id, value) VALUES (1, 0)",

        // MARK: Territories, users, devices
        """
        CREATE TABLE territory (
            id TEXT NOT NULL PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            parent_id TEXT REFERENCES territory(id),
            change_seq INTEGER NOT NULL,
            CHECK (parent_id IS NULL OR parent_id <> id)
        ) STRICT
        """,
        "CREATE INDEX territory_by_parent ON territory(parent_id)",
        "CREATE UNIQUE INDEX territory_by_change_seq ON territory(change_seq)",
        """
        CREATE TABLE "user" (
            id TEXT NOT NULL PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            display_name TEXT NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('rep', 'manager', 'desk', 'admin')),
            change_seq INTEGER NOT NULL
        ) STRICT
        """,
        #"CREATE UNIQUE INDEX user_by_change_seq ON "user"(change_seq)"#,
        """
        CREATE TABLE user_territory (
            user_id TEXT NOT NULL REFERENCES "user"(id) ON DELETE CASCADE,
            territory_id TEXT NOT NULL REFERENCES territory(id),
            position INTEGER NOT NULL,
            PRIMARY KEY (user_id, territory_id)
        ) STRICT, WITHOUT ROWID
        """,
        "CREATE INDEX user_territory_by_territory ON user_territory(territory_id)",
        """
        CREATE TABLE device (
            id TEXT NOT NULL PRIMARY KEY,
            user_id TEXT NOT NULL REFERENCES "user"(id),
            label TEXT NOT NULL,
            public_key BLOB,
            enrolled_at INTEGER,
            last_sync_at INTEGER,
            revoked_at INTEGER
        ) STRICT
        """,
        "CREATE INDEX device_by_user ON device(user_id)",
        "CREATE INDEX device_by_enrolment ON device(enrolled_at)",
        """
        CREATE TABLE enrolment_code (
            code_hash TEXT NOT NULL PRIMARY KEY,
            user_id TEXT NOT NULL REFERENCES "user"(id),
            expires_at INTEGER NOT NULL,
            used_at INTEGER
        ) STRICT
        """,
        "CREATE INDEX enrolment_code_by_user ON enrolment_code(user_id)",

        // MARK: CRM records
        """
        CREATE TABLE account (
            id TEXT NOT NULL PRIMARY KEY,
            territory_id TEXT NOT NULL REFERENCES territory(id),
            name TEXT NOT NULL,
            name_key TEXT NOT NULL,
            industry TEXT,
            city TEXT,
            country TEXT,
            phone TEXT,
            last_visit TEXT,
            change_seq INTEGER NOT NULL
        ) STRICT
        """,
        "CREATE INDEX account_by_territory ON account(territory_id, name)",
        "CREATE INDEX account_by_name_key ON account(name_key)",
        "CREATE UNIQUE INDEX account_by_change_seq ON account(change_seq)",
        """
        CREATE TABLE contact (
            id TEXT NOT NULL PRIMARY KEY,
            account_id TEXT NOT NULL REFERENCES account(id),
            first_name TEXT NOT NULL,
            last_name TEXT NOT NULL,
            email TEXT,
            phone TEXT,
            title TEXT,
            change_seq INTEGER NOT NULL
        ) STRICT
        """,
        "CREATE INDEX contact_by_account ON contact(account_id, last_name, first_name)",
        "CREATE INDEX contact_by_email ON contact(email COLLATE NOCASE)",
        "CREATE UNIQUE INDEX contact_by_change_seq ON contact(change_seq)",
        """
        CREATE TABLE lead (
            id TEXT NOT NULL PRIMARY KEY,
            territory_id TEXT NOT NULL REFERENCES territory(id),
            company TEXT NOT NULL,
            first_name TEXT NOT NULL,
            last_name TEXT NOT NULL,
            email TEXT,
            status TEXT NOT NULL CHECK (status IN ('new', 'contacted', 'qualified', 'converted', 'disqualified')),
            change_seq INTEGER NOT NULL
        ) STRICT
        """,
        "CREATE INDEX lead_by_territory ON lead(territory_id, company)",
        "CREATE UNIQUE INDEX lead_by_change_seq ON lead(change_seq)",
        """
        CREATE TABLE opportunity (
            id TEXT NOT NULL PRIMARY KEY,
            account_id TEXT NOT NULL REFERENCES account(id),
            owner_id TEXT NOT NULL REFERENCES "user"(id),
            name TEXT NOT NULL,
            stage TEXT NOT NULL CHECK (stage IN ('prospecting', 'qualification', 'proposal', 'negotiation', 'closed_won', 'closed_lost')),
            amount_minor INTEGER NOT NULL,
            amount_currency TEXT NOT NULL,
            close_date TEXT NOT NULL,
            probability INTEGER NOT NULL CHECK (probability BETWEEN 0 AND 100),
            change_seq INTEGER NOT NULL
        ) STRICT
        """,
        "CREATE INDEX opportunity_by_account ON opportunity(account_id, close_date)",
        "CREATE INDEX opportunity_by_owner ON opportunity(owner_id, close_date)",
        "CREATE INDEX opportunity_by_stage ON opportunity(stage, close_date)",
        "CREATE UNIQUE INDEX opportunity_by_change_seq ON opportunity(change_seq)",
        """
        CREATE TABLE activity (
            id TEXT NOT NULL PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('call', 'visit', 'email', 'task')),
            subject TEXT NOT NULL,
            day TEXT NOT NULL,
            account_id TEXT NOT NULL REFERENCES account(id),
            contact_id TEXT REFERENCES contact(id),
            opportunity_id TEXT REFERENCES opportunity(id),
            owner_id TEXT NOT NULL REFERENCES "user"(id),
            done INTEGER NOT NULL CHECK (done IN (0, 1)),
            notes TEXT,
            change_seq INTEGER NOT NULL
        ) STRICT
        """,
        "CREATE INDEX activity_by_account ON activity(account_id, day)",
        "CREATE INDEX activity_by_owner ON activity(owner_id, day)",
        "CREATE INDEX activity_by_contact ON activity(contact_id)",
        "CREATE INDEX activity_by_opportunity ON activity(opportunity_id)",
        "CREATE UNIQUE INDEX activity_by_change_seq ON activity(change_seq)",

        // MARK: Catalog
        """
        CREATE TABLE product (
            id TEXT NOT NULL PRIMARY KEY,
            sku TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            base_price_minor INTEGER NOT NULL,
            base_price_currency TEXT NOT NULL,
            change_seq INTEGER NOT NULL
        ) STRICT
        """,
        "CREATE UNIQUE INDEX product_by_change_seq ON product(change_seq)",
        """
        CREATE TABLE product_option (
            id TEXT NOT NULL PRIMARY KEY,
            product_id TEXT NOT NULL REFERENCES product(id),
            code TEXT NOT NULL,
            name TEXT NOT NULL,
            price_minor INTEGER NOT NULL,
            price_currency TEXT NOT NULL,
            variable INTEGER CHECK (variable IS NULL OR variable > 0),
            change_seq INTEGER NOT NULL,
            UNIQUE (product_id, code)
        ) STRICT
        """,
        "CREATE UNIQUE INDEX product_option_by_change_seq ON product_option(change_seq)",
        """
        CREATE TABLE price_book (
            id TEXT NOT NULL PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            currency TEXT NOT NULL,
            change_seq INTEGER NOT NULL
        ) STRICT
        """,
        "CREATE UNIQUE INDEX price_book_by_change_seq ON price_book(change_seq)",
        """
        CREATE TABLE price_book_entry (
            price_book_id TEXT NOT NULL REFERENCES price_book(id) ON DELETE CASCADE,
            product_id TEXT NOT NULL REFERENCES product(id),
            price_minor INTEGER NOT NULL,
            price_currency TEXT NOT NULL,
            PRIMARY KEY (price_book_id, product_id)
        ) STRICT, WITHOUT ROWID
        """,
        "CREATE INDEX price_book_entry_by_product ON price_book_entry(product_id)",
        """
        CREATE TABLE configurator_model (
            product_id TEXT NOT NULL PRIMARY KEY REFERENCES product(id),
            variable_count INTEGER NOT NULL CHECK (variable_count >= 0),
            clause_count INTEGER NOT NULL,
            clauses BLOB NOT NULL,
            change_seq INTEGER NOT NULL
        ) STRICT
        """,
        "CREATE UNIQUE INDEX configurator_model_by_change_seq ON configurator_model(change_seq)",

        // MARK: Forecasts
        """
        CREATE TABLE forecast_submission (
            id TEXT NOT NULL PRIMARY KEY,
            owner_id TEXT NOT NULL REFERENCES "user"(id),
            territory_id TEXT NOT NULL REFERENCES territory(id),
            period TEXT NOT NULL,
            change_seq INTEGER NOT NULL
        ) STRICT
        """,
        "CREATE INDEX forecast_submission_by_territory ON forecast_submission(territory_id, period)",
        "CREATE INDEX forecast_submission_by_owner ON forecast_submission(owner_id, period)",
        "CREATE UNIQUE INDEX forecast_submission_by_change_seq ON forecast_submission(change_seq)",
        """
        CREATE TABLE forecast_amount (
            submission_id TEXT NOT NULL REFERENCES forecast_submission(id) ON DELETE CASCADE,
            category TEXT NOT NULL CHECK (category IN ('pipeline', 'best_case', 'commit', 'closed', 'omitted')),
            amount_minor INTEGER NOT NULL,
            amount_currency TEXT NOT NULL,
            PRIMARY KEY (submission_id, category)
        ) STRICT, WITHOUT ROWID
        """,
    ]

    /// The tables that carry `change_seq`, with the record kind a sync names them by.
    static let replicatedTables: [(table: String, kind: String)] = [
        ("territory", "territory"), ("\"user\"", "user"), ("account", "account"), ("contact", "contact"),
        ("lead", "lead"), ("opportunity", "opportunity"), ("activity", "activity"), ("product", "product"),
        ("product_option", "product_option"), ("price_book", "price_book"),
        ("configurator_model", "configurator_model"), ("forecast_submission", "forecast_submission"),
    ]
}
