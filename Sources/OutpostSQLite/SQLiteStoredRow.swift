import Foundation
import GRDB
import OutpostModel
import OutpostStore

/// A GRDB row read through the shared decoders (``StoredRow``): ids are stored as
/// their text, flags as 0 or 1.
struct SQLiteStoredRow: StoredRow {
    let row: Row

    init(_ row: Row) { self.row = row }

    func text(_ index: Int) throws(StoreError) -> String? { row[index] }
    func integer(_ index: Int) throws(StoreError) -> Int64? { row[index] }
    func bool(_ index: Int) throws(StoreError) -> Bool? { row[index] }
    func blob(_ index: Int) throws(StoreError) -> Data? { row[index] }

    func uuid(_ index: Int) throws(StoreError) -> UUID? {
        guard let text = row[index] as String? else { return nil }
        guard let uuid = UUID(canonical: text) else {
            throw StoreError.corrupt("a table", "column \(index + 1)", "\"\(text)\" is not a UUID")
        }
        return uuid
    }
}

extension ColumnValue {
    /// The value as SQLite stores it.
    var databaseValue: DatabaseValue {
        switch self {
        case .null: .null
        case .integer(let value): value.databaseValue
        case .text(let value): value.databaseValue
        case .blob(let value): value.databaseValue
        case .id(let value): EntityID<Void>(value).sql.databaseValue
        case .bool(let value): (value ? 1 as Int64 : 0).databaseValue
        }
    }
}

extension Database {
    /// Runs a record's statements (``DomainRecord/statements(changeSeq:upsert:)``) as cached
    /// statements, explaining a constraint failure in terms of the row that broke it.
    func write(_ statements: [RowStatement]) throws {
        for statement in statements {
            switch statement {
            case .write(let row):
                try write(row.sql(.questionMarks), StatementArguments(row.values.map(\.databaseValue)), RowContext(row.describe()))
            case .clear(let table, let column, let value):
                try cachedStatement(sql: RowStatement.clearSQL(table: table, column: column, .questionMarks))
                    .execute(arguments: [value.databaseValue])
            }
        }
    }
}

extension RowContext {
    /// The context of a row the shared mapping describes.
    init(_ description: RowDescription) {
        self.init(kind: description.kind, id: description.id,
                  references: { description.references.map { Reference(label: $0.label, table: $0.table, id: $0.id) } },
                  uniqueKey: { description.uniqueKey })
    }
}
