import Foundation
import NIOCore
import OutpostStore
import PostgresNIO

/// A PostgreSQL row read through the shared decoders (``StoredRow``).
struct PostgresStoredRow: StoredRow {
    let row: PostgresRandomAccessRow

    init(_ row: PostgresRow) { self.row = row.makeRandomAccess() }

    func text(_ index: Int) throws(StoreError) -> String? { try decode(String?.self, index) }
    func integer(_ index: Int) throws(StoreError) -> Int64? {
        // `integer` columns (a probability, a variable number) are int4; the rest int8.
        if row[index].dataType == .int4 { return try decode(Int32?.self, index).map(Int64.init) }
        return try decode(Int64?.self, index)
    }
    func bool(_ index: Int) throws(StoreError) -> Bool? { try decode(Bool?.self, index) }
    func blob(_ index: Int) throws(StoreError) -> Data? { try decode(Data?.self, index) }
    func uuid(_ index: Int) throws(StoreError) -> UUID? { try decode(UUID?.self, index) }

    private func decode<T: PostgresDecodable>(_ type: T.Type, _ index: Int) throws(StoreError) -> T {
        do { return try row[index].decode(T.self) } catch {
            let cell = row[index]
            throw StoreError.unreadable("a table", cell.columnName, "holds a \(cell.dataType) this build does not read as \(T.self)")
        }
    }
}

extension PostgresBindings {
    /// Appends a value as PostgreSQL stores it.
    mutating func append(_ value: ColumnValue) {
        switch value {
        case .null: appendNull()
        case .integer(let value): append(value)
        case .text(let value): append(value)
        case .blob(let value): append(ByteBuffer(bytes: value))
        case .id(let value): append(value)
        case .bool(let value): append(value)
        }
    }
}

extension BlockingConnection {
    /// Runs a record's statements (``DomainRecord/statements(changeSeq:upsert:)``) with bound
    /// values, explaining a constraint failure in terms of the row that broke it.
    func write(_ statements: [RowStatement]) throws {
        for statement in statements {
            switch statement {
            case .write(let row):
                var binds = PostgresBindings(capacity: row.values.count)
                for value in row.values { binds.append(value) }
                do {
                    try run(PostgresQuery(unsafeSQL: row.sql(.numbered), binds: binds))
                } catch let error as PSQLError where error.serverInfo?[.sqlState]?.hasPrefix("23") == true {
                    throw StoreError.explaining(error, RowContext(row.describe()))
                }
            case .clear(let table, let column, let value):
                var binds = PostgresBindings(capacity: 1)
                binds.append(value)
                try run(PostgresQuery(unsafeSQL: RowStatement.clearSQL(table: table, column: column, .numbered), binds: binds))
            }
        }
    }

    /// Decodes every row of `query` with `decode`.
    func decoded<T>(_ query: PostgresQuery, _ decode: (PostgresStoredRow) throws(StoreError) -> T) throws -> [T] {
        try rows(query).map { row in try decode(PostgresStoredRow(row)) }
    }
}

extension RowContext {
    /// The context of a row the shared mapping describes.
    init(_ description: RowDescription) {
        self.init(kind: description.kind, id: description.id,
                  references: Dictionary(description.references.map { ($0.column, $0.label) }, uniquingKeysWith: { first, _ in first }),
                  uniqueKey: description.uniqueKey)
    }
}
