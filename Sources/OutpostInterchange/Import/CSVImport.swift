public import OutpostModel

/// Turns a whole CSV file into records, all or nothing.
///
/// Every row is decoded and checked with the model's `validate()`; ids must be
/// unique within the file; references are checked against the ids the caller
/// passes (a `nil` set skips that check). If any row is bad, nothing is returned:
/// an ``ImportError`` lists every bad cell, up to ``maximumRowErrors``.
///
/// Cells are matched to columns by the header, in any order and any letter case.
/// Empty cells of optional columns become `nil`; optional columns may be left
/// out of the header. Text cells are kept exactly as written (no trimming).
///
/// ```swift
/// let accounts = try CSVImport.accounts(from: text, knownTerritories: Set(store.territories.map(\.id)))
/// ```
public enum CSVImport {
    /// The most bad cells an ``ImportError`` lists; ``ImportError/rejectedRowCount`` still counts them all.
    public static let maximumRowErrors = 100

    /// Imports an `accounts` file.
    /// - Parameters:
    ///   - csv: the whole file.
    ///   - knownTerritories: the territories `territory_id` may name; `nil` skips the check.
    /// - Returns: the accounts in file order; a blank `id` gets a new one.
    /// - Throws: ``ImportError`` when the file or any row is bad.
    public static func accounts(from csv: String, knownTerritories: Set<TerritoryID>? = nil) throws(ImportError) -> [Account] {
        try RecordImporter.run(AccountColumns.self, records: parse(csv),
                               references: KnownReferences(territories: knownTerritories)).map(\.record)
    }

    /// Imports a `contacts` file.
    /// - Parameters:
    ///   - csv: the whole file.
    ///   - knownAccounts: the accounts `account_id` may name; `nil` skips the check.
    /// - Returns: the contacts in file order.
    /// - Throws: ``ImportError`` when the file or any row is bad.
    public static func contacts(from csv: String, knownAccounts: Set<AccountID>? = nil) throws(ImportError) -> [Contact] {
        try RecordImporter.run(ContactColumns.self, records: parse(csv),
                               references: KnownReferences(accounts: knownAccounts)).map(\.record)
    }

    /// Imports an `opportunities` file.
    /// - Parameters:
    ///   - csv: the whole file.
    ///   - knownAccounts: the accounts `account_id` may name; `nil` skips the check.
    ///   - knownUsers: the users `owner_id` may name; `nil` skips the check.
    /// - Returns: the opportunities in file order; a blank `probability` takes the stage's default.
    /// - Throws: ``ImportError`` when the file or any row is bad.
    public static func opportunities(from csv: String, knownAccounts: Set<AccountID>? = nil,
                                     knownUsers: Set<UserID>? = nil) throws(ImportError) -> [Opportunity] {
        try RecordImporter.run(OpportunityColumns.self, records: parse(csv),
                               references: KnownReferences(accounts: knownAccounts, users: knownUsers)).map(\.record)
    }

    /// Imports a file of the given kind, for `outpost-server import KIND file.csv`.
    /// - Parameters:
    ///   - kind: what the file holds.
    ///   - csv: the whole file.
    ///   - references: the ids references may name; `nil` sets skip those checks.
    /// - Throws: ``ImportError`` when the file or any row is bad.
    public static func records(_ kind: InterchangeKind, from csv: String,
                               references: KnownReferences = KnownReferences()) throws(ImportError) -> InterchangeRecords {
        try file(kind, parsed: parse(csv), references: references).records
    }

    /// Imports a file of the given kind from its bytes, which must be UTF-8 (a BOM is allowed).
    /// - Throws: ``ImportError``, with ``ImportError/Code/malformedCSV`` for bytes that are not UTF-8.
    public static func records(_ kind: InterchangeKind, utf8 bytes: some Sequence<UInt8>,
                               references: KnownReferences = KnownReferences()) throws(ImportError) -> InterchangeRecords {
        try file(kind, utf8: bytes, references: references).records
    }

    /// Imports a file of the given kind from its bytes (UTF-8, a BOM allowed; comma,
    /// semicolon or tab separated), keeping each record's line and whether it had an id.
    /// - Throws: ``ImportError`` when the file or any row is bad.
    public static func file(_ kind: InterchangeKind, utf8 bytes: some Sequence<UInt8>,
                            references: KnownReferences = KnownReferences()) throws(ImportError) -> ImportedFile {
        let parsed: [CSVRecord]
        do { parsed = try CSVReader.records(utf8: bytes) } catch { throw ImportError(error) }
        return try file(kind, parsed: parsed, references: references)
    }

    private static func file(_ kind: InterchangeKind, parsed: [CSVRecord],
                             references: KnownReferences) throws(ImportError) -> ImportedFile {
        func run<C: RecordColumns>(_ layout: C.Type, _ wrap: ([C.Record]) -> InterchangeRecords) throws(ImportError) -> ImportedFile {
            ImportedFile(try RecordImporter.run(layout, records: parsed, references: references), wrap)
        }
        return switch kind {
        case .accounts: try run(AccountColumns.self) { .accounts($0) }
        case .contacts: try run(ContactColumns.self) { .contacts($0) }
        case .opportunities: try run(OpportunityColumns.self) { .opportunities($0) }
        case .leads: try run(LeadColumns.self) { .leads($0) }
        case .activities: try run(ActivityColumns.self) { .activities($0) }
        case .territories: try run(TerritoryColumns.self) { .territories($0) }
        case .users: try run(UserColumns.self) { .users($0) }
        case .quotas: try run(QuotaColumns.self) { .quotas($0) }
        case .products: try run(ProductColumns.self) { .products($0) }
        }
    }

    private static func parse(_ csv: String) throws(ImportError) -> [CSVRecord] {
        do { return try CSVReader.records(in: csv) } catch { throw ImportError(error) }
    }
}

extension ImportError {
    /// An import error for a file that is not well-formed CSV.
    init(_ error: CSVError) {
        self.init(.malformedCSV, line: error.line, error.message)
    }
}
