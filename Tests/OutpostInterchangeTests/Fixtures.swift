import OutpostInterchange
import OutpostModel
import Testing

/// Fixed ids and builders for import files, so tests can state exact lines and messages.
enum Fixture {
    static let territory = try! TerritoryID(parsing: "7c9e6679-7425-40de-944b-e07fc1f90ae7")
    static let account = try! AccountID(parsing: "3f2b8c4e-1d2a-4b6f-9e1a-0c5d7e9f1a2b")
    static let owner = try! UserID(parsing: "9b2d0f3a-5c6e-4d7f-8a9b-0c1d2e3f4a5b")

    /// The n-th deterministic UUID text, `00000000-0000-4000-8000-00000000000n`.
    static func uuid(_ n: Int) -> String {
        let hex = String(n, radix: 16)
        return "00000000-0000-4000-8000-" + String(repeating: "0", count: 12 - hex.count) + hex
    }

    /// A valid row of `kind` whose id is `uuid(n)`, by column name.
    static func row(_ kind: InterchangeKind, _ n: Int = 1) -> [String: String] {
        switch kind {
        case .accounts:
            ["id": uuid(n), "territory_id": territory.description, "name": "Acme \(n)", "industry": "Machinery",
             "city": "Köln", "country": "DE", "phone": "+49 221 555-0100", "last_visit": "2026-03-02"]
        case .contacts:
            ["id": uuid(n), "account_id": account.description, "first_name": "Ana", "last_name": "López",
             "email": "ana.lopez@acme.example", "phone": "+34 91 555 0101", "title": "Head of Purchasing"]
        case .opportunities:
            ["id": uuid(n), "account_id": account.description, "owner_id": owner.description, "name": "Fleet renewal \(n)",
             "stage": "proposal", "amount": "1234.50", "currency": "EUR", "close_date": "2026-11-24", "probability": "50"]
        case .leads:
            ["id": uuid(n), "territory_id": territory.description, "company": "Brightmark \(n)", "first_name": "Jonas",
             "last_name": "Weber", "email": "jonas\(n)@brightmark.example", "status": "contacted"]
        case .activities:
            ["id": uuid(n), "kind": "visit", "subject": "Visit \(n)", "day": "2026-11-20", "account_id": account.description,
             "owner_id": owner.description, "done": "true", "notes": "Walked the line"]
        case .territories:
            ["id": uuid(n), "name": "District \(n)", "parent_id": territory.description]
        case .users:
            ["id": uuid(n), "name": "rep.\(n)", "display_name": "Rep \(n)", "role": "rep", "territories": territory.description]
        case .quotas:
            ["id": uuid(n), "user_id": owner.description, "territory_id": territory.description, "period": "2026Q\(n % 4 + 1)",
             "amount": "150000.00", "currency": "EUR"]
        case .products:
            ["id": uuid(n), "sku": "SKU-\(n)", "name": "Product \(n)", "base_price": "499.00", "currency": "EUR"]
        }
    }

    /// A whole file: the kind's header, then the rows (a row's missing columns are empty).
    static func file(_ kind: InterchangeKind, _ rows: [[String: String]]) -> String {
        CSVWriter.text(header: kind.columns, rows: rows.map { row in kind.columns.map { row[$0] ?? "" } })
    }

    /// A file with a good row on line 2, the given row on line 3 and another good row on line 4.
    static func fileWithBadRow(_ kind: InterchangeKind, _ changes: [String: String]) -> String {
        file(kind, [row(kind, 1), row(kind, 2).merging(changes) { $1 }, row(kind, 3)])
    }
}

/// Imports and expects the import to fail.
func importError(_ kind: InterchangeKind, _ csv: String, references: KnownReferences = KnownReferences(),
                 sourceLocation: SourceLocation = #_sourceLocation) throws -> ImportError {
    let records: InterchangeRecords
    do {
        records = try CSVImport.records(kind, from: csv, references: references)
    } catch {
        return error
    }
    Issue.record("expected the import to fail, got \(records.count) records", sourceLocation: sourceLocation)
    throw ImportError(.invalidRows, "unexpected success")
}
