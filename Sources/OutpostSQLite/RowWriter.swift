import GRDB
import OutpostStore

/// A reference from a row to another record, checked when SQLite reports a
/// foreign-key failure so the error can name the missing record.
struct Reference {
    /// How people call the referenced record, e.g. `account` or `parent territory`.
    let label: String
    /// The table it lives in.
    let table: String
    /// Its id; `nil` when the optional reference is not set.
    let id: String?
}

/// What a row is, for error messages: `contact 3f2b…` and how to reach the
/// records it refers to. Closures keep the happy path free of string building.
struct RowContext {
    /// `account`, `contact`, …
    let kind: String
    /// The row's id (or code hash) as text.
    let id: String
    /// The row's references, evaluated only on a foreign-key failure.
    var references: () -> [Reference] = { [] }
    /// Describes the row's secondary unique key (e.g. `name "Bavaria"`), only on a unique failure.
    var uniqueKey: () -> String? = { nil }
}

extension Database {
    /// Executes a cached insert or update statement for one row and explains any
    /// constraint failure in terms of that row.
    ///
    /// SQLite aborts only the failing statement on a constraint error, so the
    /// enclosing transaction can still look up which reference is missing before
    /// the error rolls it back.
    func write(_ sql: String, _ arguments: StatementArguments, _ row: @autoclosure () -> RowContext) throws {
        let statement = try cachedStatement(sql: sql)
        do {
            try statement.execute(arguments: arguments)
        } catch let error as DatabaseError {
            throw try explain(error, row())
        }
    }

    /// Turns a constraint failure for `row` into an actionable `StoreError`.
    func explain(_ error: DatabaseError, _ row: RowContext) throws -> StoreError {
        let sqlite = error.message ?? "\(error.resultCode)"
        switch error.extendedResultCode {
        case .SQLITE_CONSTRAINT_FOREIGNKEY:
            for reference in row.references() {
                guard let id = reference.id else { continue }
                let exists = try Bool.fetchOne(self, sql: "SELECT EXISTS (SELECT 1 FROM \(reference.table) WHERE id = ?)",
                                               arguments: [id]) ?? false
                if !exists {
                    return StoreError(.missingReference,
                                      "\(row.kind) \(row.id) refers to \(reference.label) \(id) which does not exist")
                }
            }
            return StoreError(.missingReference, "\(row.kind) \(row.id) refers to a record that does not exist (\(sqlite))")
        case .SQLITE_CONSTRAINT_PRIMARYKEY:
            return StoreError(.duplicate, "\(row.kind) \(row.id) already exists")
        case .SQLITE_CONSTRAINT_UNIQUE:
            if sqlite.hasSuffix(".id") || sqlite.hasSuffix(".code_hash") {
                return StoreError(.duplicate, "\(row.kind) \(row.id) already exists")
            }
            let key = row.uniqueKey() ?? "a unique value (\(sqlite))"
            return StoreError(.duplicate, "\(row.kind) \(row.id): \(key) is already taken by another \(row.kind)")
        case .SQLITE_CONSTRAINT_CHECK, .SQLITE_CONSTRAINT_NOTNULL:
            return StoreError(.invalid, "\(row.kind) \(row.id) breaks a rule of the schema (\(sqlite))")
        default:
            return StoreError.from(error, doing: "writing \(row.kind) \(row.id)")
        }
    }
}
