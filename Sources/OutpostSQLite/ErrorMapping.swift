import GRDB
import OutpostStore

extension StoreError {
    /// A stored value that does not decode: the file was edited by hand or written by a newer version.
    static func corrupt(_ table: String, _ column: String, _ detail: String) -> StoreError {
        StoreError(.database, "the database holds an unreadable value in \(table).\(column): \(detail); "
            + "restore a backup or fix the row with sqlite3")
    }

    /// Maps any error thrown inside a database access to a `StoreError`.
    ///
    /// `StoreError`s thrown by the store's own code pass through unchanged. Constraint
    /// failures that reach this point were not diagnosed row by row (the row-level
    /// inserts explain themselves, see `RowWriter`), so the message quotes SQLite.
    static func from(_ error: any Error, doing action: String) -> StoreError {
        if let error = error as? StoreError { return error }
        if error is CancellationError {
            return StoreError(.database, "\(action) was cancelled before it finished; nothing was written")
        }
        guard let error = error as? DatabaseError else {
            return StoreError(.database, "\(action) failed: \(error)")
        }
        let sqlite = error.message ?? "\(error.resultCode)"
        switch error.extendedResultCode {
        case .SQLITE_CONSTRAINT_FOREIGNKEY:
            return StoreError(.missingReference, "\(action) refers to a record that does not exist (\(sqlite)); nothing was written")
        case .SQLITE_CONSTRAINT_UNIQUE, .SQLITE_CONSTRAINT_PRIMARYKEY:
            return StoreError(.duplicate, "\(action) would store a duplicate (\(sqlite)); nothing was written")
        case .SQLITE_CONSTRAINT_CHECK, .SQLITE_CONSTRAINT_NOTNULL:
            return StoreError(.invalid, "\(action) breaks a rule of the schema (\(sqlite)); nothing was written")
        default:
            break
        }
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return StoreError(.database, "\(action) failed: the database is locked by another process (\(sqlite)); "
                + "stop the other outpost-server or sqlite3 session and retry")
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_CANTOPEN:
            return StoreError(.database, "\(action) failed: cannot open or write the database file (\(sqlite)); "
                + "check the path and its permissions")
        case .SQLITE_FULL:
            return StoreError(.database, "\(action) failed: the disk is full (\(sqlite)); free space and retry")
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            return StoreError(.database, "\(action) failed: the file is not a valid Outpost database (\(sqlite)); "
                + "restore a backup")
        default:
            return StoreError(.database, "\(action) failed: \(sqlite)")
        }
    }
}
