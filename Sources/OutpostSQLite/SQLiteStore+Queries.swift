import GRDB
public import OutpostModel
public import OutpostStore

/// A record written at a given point of the server-wide change sequence.
public struct ChangedRecord: Hashable, Sendable {
    /// The record's table as a sync names it: `account`, `contact`, `configurator_model` (id: the product's), …
    public let kind: String
    /// The record's id (lower-case UUID).
    public let id: String
    /// The value of the change sequence its last insert or update took.
    public let changeSeq: Int64

    public init(kind: String, id: String, changeSeq: Int64) {
        self.kind = kind
        self.id = id
        self.changeSeq = changeSeq
    }
}

// Reads beyond `OutpostStore`: the remaining entity families, the indexed
// searches, and the change feed for sync. Candidates for the protocol once the
// server needs them from any backend.
extension SQLiteStore {
    /// Leads, optionally only those in the given territories, by company.
    public func leads(in territories: Set<TerritoryID>?) async throws(StoreError) -> [Lead] {
        try await read("listing leads") { db in try Lead.fetchAll(db, of: territories) }
    }

    /// Activities, optionally only those of the given accounts, by day.
    public func activities(of accounts: Set<AccountID>?) async throws(StoreError) -> [Activity] {
        try await read("listing activities") { db in try Activity.fetchAll(db, of: accounts) }
    }

    /// Every price book with its entries, by name.
    public func priceBooks() async throws(StoreError) -> [PriceBook] {
        try await read("listing price books") { db in try PriceBook.fetchAll(db) }
    }

    /// Every forecast submission with its amounts, by period.
    public func forecastSubmissions() async throws(StoreError) -> [ForecastSubmission] {
        try await read("listing forecast submissions") { db in try ForecastSubmission.fetchAll(db) }
    }

    /// Accounts whose name starts with `prefix`, ignoring case, by name; optionally
    /// only in the given territories. Uses the `name_key` index.
    public func searchAccounts(namePrefix prefix: String, in territories: Set<TerritoryID>? = nil,
                               limit: Int = 50) async throws(StoreError) -> [Account] {
        let key = Account.nameKey(prefix)
        var sql = Account.selectSQL + " WHERE name_key >= ? AND name_key < ?"
        var arguments: StatementArguments = [key, key + "\u{10FFFF}"]
        if let territories {
            let filter = IDFilter("territory_id", territories)
            sql += " AND territory_id IN (SELECT value FROM json_each(?))"
            arguments += filter.arguments
        }
        sql += " ORDER BY name, id LIMIT ?"
        arguments += [limit]
        let query = sql
        let values = arguments
        return try await read("searching accounts") { db in try db.fetch(query, values, Account.init(row:)) }
    }

    /// Contacts with this e-mail address (ignoring ASCII case), by last and first name.
    public func contacts(withEmail email: String) async throws(StoreError) -> [Contact] {
        try await read("looking up contacts by e-mail") { db in
            try db.fetch(Contact.selectSQL + " WHERE email = ? COLLATE NOCASE ORDER BY last_name, first_name, id",
                         [email], Contact.init(row:))
        }
    }

    /// The last value of the server-wide change sequence (0 for an empty store).
    public func currentChangeSequence() async throws(StoreError) -> Int64 {
        try await read("reading the change sequence") { db in try ChangeSequence.current(db) }
    }

    /// Replicated records inserted or updated after `sequence`, oldest change first.
    public func changes(since sequence: Int64, limit: Int = 1000) async throws(StoreError) -> [ChangedRecord] {
        let union: String = Schema.replicatedTables.map { table, kind -> String in
            let id = kind == "configurator_model" ? "product_id" : "id"
            return "SELECT '\(kind)', \(id), change_seq FROM \(table) WHERE change_seq > ?1"
        }.joined(separator: " UNION ALL ")
        return try await read("listing changes") { db in
            try db.fetch(union + " ORDER BY 3 LIMIT ?2", [sequence, limit]) { row throws(StoreError) in
                ChangedRecord(kind: row[0], id: row[1], changeSeq: row[2])
            }
        }
    }
}
