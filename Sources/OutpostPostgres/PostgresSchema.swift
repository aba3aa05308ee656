/// The SQL of the PostgreSQL schema, applied by ``PostgresMigrations``: the same
/// tables, columns, keys and checks as the SQLite schema (`OutpostSQLite/Schema*.swift`)
/// after all its migrations, in PostgreSQL's types.
///
/// Translation rules:
/// - entity ids are `uuid` (the SQLite schema keeps their text form); the hub's sync
///   tables keep record ids as 16-byte `bytea`, as the merge engine handles them;
/// - instants are `timestamptz` (SQLite: integer milliseconds), written to the millisecond;
/// - `INTEGER` is `bigint`, `BLOB` is `bytea`, `AUTOINCREMENT` is an identity column;
/// - the change sequence began as a SEQUENCE and is a one-row table since `pg3` (see
///   ``ChangeSequence``);
/// - `COLLATE NOCASE` indexes are indexes on `lower(…)`.
enum PostgresSchema {
    /// The directory (territories, users, devices, enrolment codes) and the change sequence.
    static let directory: [String] = [
        "CREATE SEQUENCE change_sequence AS bigint MINVALUE 1 START 1",
        """
        CREATE TABLE territory (
            id uuid PRIMARY KEY,
            name text NOT NULL UNIQUE,
            parent_id uuid REFERENCES territory(id),
            change_seq bigint NOT NULL UNIQUE,
            CHECK (parent_id IS NULL OR parent_id <> id)
        )
        """,
        "CREATE INDEX territory_by_parent ON territory(parent_id)",
        """
        CREATE TABLE "user" (
            id uuid PRIMARY KEY,
            name text NOT NULL UNIQUE,
            display_name text NOT NULL,
            role text NOT NULL CHECK (role IN ('rep', 'manager', 'desk', 'admin')),
            change_seq bigint NOT NULL UNIQUE,
            disabled_at timestamptz
        )
        """,
        """
        CREATE TABLE user_territory (
            user_id uuid NOT NULL REFERENCES "user"(id) ON DELETE CASCADE,
            territory_id uuid NOT NULL REFERENCES territory(id),
            position integer NOT NULL,
            PRIMARY KEY (user_id, territory_id)
        )
        """,
        "CREATE INDEX user_territory_by_territory ON user_territory(territory_id)",
        """
        CREATE TABLE device (
            id uuid PRIMARY KEY,
            user_id uuid NOT NULL REFERENCES "user"(id),
            label text NOT NULL,
            public_key bytea,
            enrolled_at timestamptz,
            last_sync_at timestamptz,
            revoked_at timestamptz,
            retiring_since timestamptz
        )
        """,
        "CREATE INDEX device_by_user ON device(user_id)",
        "CREATE INDEX device_by_enrolment ON device(enrolled_at)",
        """
        CREATE TABLE enrolment_code (
            code_hash text PRIMARY KEY,
            user_id uuid NOT NULL REFERENCES "user"(id),
            expires_at timestamptz NOT NULL,
            used_at timestamptz,
            sealed_key bytea
        )
        """,
        "CREATE INDEX enrolment_code_by_user ON enrolment_code(user_id)",
    ]

    /// Accounts, contacts, leads (with web-to-lead's columns), opportunities, activities.
    static let crm: [String] = [
        """
        CREATE TABLE account (
            id uuid PRIMARY KEY,
            territory_id uuid NOT NULL REFERENCES territory(id),
            name text NOT NULL,
            name_key text NOT NULL,
            industry text,
            city text,
            country text,
            phone text,
            last_visit text,
            change_seq bigint NOT NULL UNIQUE
        )
        """,
        "CREATE INDEX account_by_territory ON account(territory_id, name)",
        "CREATE INDEX account_by_name_key ON account(name_key)",
        """
        CREATE TABLE contact (
            id uuid PRIMARY KEY,
            account_id uuid NOT NULL REFERENCES account(id),
            first_name text NOT NULL,
            last_name text NOT NULL,
            email text,
            phone text,
            title text,
            change_seq bigint NOT NULL UNIQUE
        )
        """,
        "CREATE INDEX contact_by_account ON contact(account_id, last_name, first_name)",
        "CREATE INDEX contact_by_email ON contact(lower(email))",
        """
        CREATE TABLE lead (
            id uuid PRIMARY KEY,
            territory_id uuid NOT NULL REFERENCES territory(id),
            company text NOT NULL,
            first_name text NOT NULL,
            last_name text NOT NULL,
            email text,
            status text NOT NULL CHECK (status IN ('new', 'contacted', 'qualified', 'converted', 'disqualified')),
            change_seq bigint NOT NULL UNIQUE,
            owner_id uuid REFERENCES "user"(id),
            country text,
            postcode text,
            industry text,
            product_interest text
        )
        """,
        "CREATE INDEX lead_by_territory ON lead(territory_id, company)",
        "CREATE INDEX lead_by_owner ON lead(owner_id, status)",
        """
        CREATE TABLE opportunity (
            id uuid PRIMARY KEY,
            account_id uuid NOT NULL REFERENCES account(id),
            owner_id uuid NOT NULL REFERENCES "user"(id),
            name text NOT NULL,
            stage text NOT NULL CHECK (stage IN ('prospecting', 'qualification', 'proposal', 'negotiation', 'closed_won', 'closed_lost')),
            amount_minor bigint NOT NULL,
            amount_currency text NOT NULL,
            close_date text NOT NULL,
            probability integer NOT NULL CHECK (probability BETWEEN 0 AND 100),
            change_seq bigint NOT NULL UNIQUE
        )
        """,
        "CREATE INDEX opportunity_by_account ON opportunity(account_id, close_date)",
        "CREATE INDEX opportunity_by_owner ON opportunity(owner_id, close_date)",
        "CREATE INDEX opportunity_by_stage ON opportunity(stage, close_date)",
        """
        CREATE TABLE activity (
            id uuid PRIMARY KEY,
            kind text NOT NULL CHECK (kind IN ('call', 'visit', 'email', 'task')),
            subject text NOT NULL,
            day text NOT NULL,
            account_id uuid NOT NULL REFERENCES account(id),
            contact_id uuid REFERENCES contact(id),
            opportunity_id uuid REFERENCES opportunity(id),
            owner_id uuid NOT NULL REFERENCES "user"(id),
            done boolean NOT NULL,
            notes text,
            change_seq bigint NOT NULL UNIQUE
        )
        """,
        "CREATE INDEX activity_by_account ON activity(account_id, day)",
        "CREATE INDEX activity_by_owner ON activity(owner_id, day)",
        "CREATE INDEX activity_by_contact ON activity(contact_id)",
        "CREATE INDEX activity_by_opportunity ON activity(opportunity_id)",
    ]

    /// Products, options, price books (with tiers and approval threshold), configurator
    /// models, forecasts and their daily snapshots.
    static let catalogAndForecasts: [String] = [
        """
        CREATE TABLE product (
            id uuid PRIMARY KEY,
            sku text NOT NULL UNIQUE,
            name text NOT NULL,
            base_price_minor bigint NOT NULL,
            base_price_currency text NOT NULL,
            change_seq bigint NOT NULL UNIQUE
        )
        """,
        """
        CREATE TABLE product_option (
            id uuid PRIMARY KEY,
            product_id uuid NOT NULL REFERENCES product(id),
            code text NOT NULL,
            name text NOT NULL,
            price_minor bigint NOT NULL,
            price_currency text NOT NULL,
            variable integer CHECK (variable IS NULL OR variable > 0),
            change_seq bigint NOT NULL UNIQUE,
            UNIQUE (product_id, code)
        )
        """,
        """
        CREATE TABLE price_book (
            id uuid PRIMARY KEY,
            name text NOT NULL UNIQUE,
            currency text NOT NULL,
            change_seq bigint NOT NULL UNIQUE,
            tiers text NOT NULL DEFAULT '[]',
            approval_threshold_bp bigint
        )
        """,
        """
        CREATE TABLE price_book_entry (
            price_book_id uuid NOT NULL REFERENCES price_book(id) ON DELETE CASCADE,
            product_id uuid NOT NULL REFERENCES product(id),
            price_minor bigint NOT NULL,
            price_currency text NOT NULL,
            PRIMARY KEY (price_book_id, product_id)
        )
        """,
        "CREATE INDEX price_book_entry_by_product ON price_book_entry(product_id)",
        """
        CREATE TABLE configurator_model (
            product_id uuid PRIMARY KEY REFERENCES product(id),
            variable_count integer NOT NULL CHECK (variable_count >= 0),
            clause_count integer NOT NULL,
            clauses bytea NOT NULL,
            change_seq bigint NOT NULL UNIQUE
        )
        """,
        """
        CREATE TABLE catalog_bundle_version (
            version bigint PRIMARY KEY,
            product_id uuid NOT NULL
        )
        """,
        """
        CREATE TABLE forecast_submission (
            id uuid PRIMARY KEY,
            owner_id uuid NOT NULL REFERENCES "user"(id),
            territory_id uuid NOT NULL REFERENCES territory(id),
            period text NOT NULL,
            change_seq bigint NOT NULL UNIQUE
        )
        """,
        "CREATE INDEX forecast_submission_by_territory ON forecast_submission(territory_id, period)",
        "CREATE INDEX forecast_submission_by_owner ON forecast_submission(owner_id, period)",
        """
        CREATE TABLE forecast_amount (
            submission_id uuid NOT NULL REFERENCES forecast_submission(id) ON DELETE CASCADE,
            category text NOT NULL CHECK (category IN ('pipeline', 'best_case', 'commit', 'closed', 'omitted')),
            amount_minor bigint NOT NULL,
            amount_currency text NOT NULL,
            PRIMARY KEY (submission_id, category)
        )
        """,
        // One row per day, period, territory (its subtree's total) and currency.
        """
        CREATE TABLE forecast_snapshot (
            day text NOT NULL,
            period text NOT NULL,
            territory_id uuid NOT NULL,
            currency text NOT NULL,
            closed_minor bigint NOT NULL,
            commit_minor bigint NOT NULL,
            best_case_minor bigint NOT NULL,
            pipeline_minor bigint NOT NULL,
            quota_minor bigint NOT NULL,
            PRIMARY KEY (period, territory_id, currency, day)
        )
        """,
    ]
}
