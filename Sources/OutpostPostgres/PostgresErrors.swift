import Foundation
import OutpostStore
import PostgresNIO

/// What a written row is, for error messages: `territory 3f2b…`, how its foreign-key
/// columns are called, and its secondary unique key.
struct RowContext {
    /// `territory`, `user`, …
    let kind: String
    /// The row's id as text.
    let id: String
    /// How people call the record each foreign-key column refers to, e.g. `parent_id`: `parent territory`.
    var references: [String: String] = [:]
    /// Describes the row's secondary unique key (e.g. `name "Bavaria"`).
    var uniqueKey: String?
}

extension PostgresConnection {
    /// Runs one insert or update for the row `context` describes and explains any
    /// constraint failure in terms of that row.
    func write(_ query: PostgresQuery, _ context: @autoclosure () -> RowContext, logger: Logger) async throws {
        do {
            try await self.query(query, logger: logger)
        } catch let error as PSQLError {
            throw StoreError.explaining(error, context())
        }
    }
}

extension StoreError {
    /// Turns a constraint failure of the row `context` describes into an actionable error.
    static func explaining(_ error: PSQLError, _ context: RowContext) -> StoreError {
        let info = error.serverInfo
        let detail = info?[.detail] ?? info?[.message] ?? "\(error.code)"
        switch info?[.sqlState] {
        case "23503":  // foreign_key_violation
            if let (column, value) = keyOf(detail), let label = context.references[column] {
                return StoreError(.missingReference, "\(context.kind) \(context.id) refers to \(label) \(value) which does not exist")
            }
            return StoreError(.missingReference, "\(context.kind) \(context.id) refers to a record that does not exist (\(detail))")
        case "23505":  // unique_violation
            if info?[.constraintName]?.hasSuffix("_pkey") == true {
                return StoreError(.duplicate, "\(context.kind) \(context.id) already exists")
            }
            let key = context.uniqueKey ?? "a unique value (\(detail))"
            return StoreError(.duplicate, "\(context.kind) \(context.id): \(key) is already taken by another \(context.kind)")
        case "23514", "23502":  // check_violation, not_null_violation
            return StoreError(.invalid, "\(context.kind) \(context.id) breaks a rule of the schema (\(info?[.message] ?? detail))")
        default:
            return from(error, doing: "writing \(context.kind) \(context.id)", on: nil)
        }
    }

    /// The column and value of PostgreSQL's `Key (column)=(value) …` detail.
    private static func keyOf(_ detail: String) -> (column: String, value: String)? {
        guard let open = detail.range(of: "Key ("), let middle = detail.range(of: ")=(", range: open.upperBound..<detail.endIndex),
              let close = detail.range(of: ")", range: middle.upperBound..<detail.endIndex) else { return nil }
        return (String(detail[open.upperBound..<middle.lowerBound]), String(detail[middle.upperBound..<close.lowerBound]))
    }

    /// Maps any failure while `action` ran on the database at `location` to an error
    /// that says what to do; a `StoreError` thrown inside a transaction passes unchanged.
    static func from(_ error: any Error, doing action: String, on location: PostgresLocation?) -> StoreError {
        if let error = error as? StoreError { return error }
        if let transaction = error as? PostgresTransactionError {
            if let inner = transaction.closureError ?? transaction.beginError ?? transaction.commitError {
                return from(inner, doing: action, on: location)
            }
        }
        let place = location.map { "\($0)" } ?? "the PostgreSQL database"
        guard let error = error as? PSQLError else {
            return StoreError(.database, "\(action) failed on \(place): \(error)")
        }
        if error.code == .server, let info = error.serverInfo {
            let message = info[.message] ?? "an error"
            switch info[.sqlState] {
            case "28P01", "28000":  // invalid_password, invalid_authorization_specification
                return StoreError(.database, "PostgreSQL refused the login to \(place) (\(message)); check the user and password in the URL")
            case "3D000":  // invalid_catalog_name
                let create = location.map { " create it with: createdb -h \($0.host) -p \($0.port) -U \($0.user) \($0.database)" } ?? ""
                return StoreError(.database, "\(message) on the PostgreSQL server;\(create)")
            case "40001", "40P01":  // serialization_failure, deadlock_detected
                return StoreError(.database, "\(action) collided with a concurrent change on \(place) (\(message)); try again")
            default:
                return StoreError(.database, "\(action) failed on \(place): \(message)\(info[.detail].map { " (\($0))" } ?? "")")
            }
        }
        switch error.code {
        case .connectionError, .serverClosedConnection, .uncleanShutdown:
            let reason = error.underlying.map { " (\($0))" } ?? ""
            return StoreError(.database, "cannot reach PostgreSQL at \(place)\(reason); check that it runs and the host and port in the URL")
        case .sslUnsupported:
            return StoreError(.database, "\(place) does not offer TLS; add ?sslmode=prefer or ?sslmode=disable to the URL")
        case .authMechanismRequiresPassword:
            return StoreError(.database, "\(place) asks for a password; put it in the URL: postgres://USER:PASSWORD@HOST:PORT/DBNAME")
        default:
            return StoreError(.database, "\(action) failed on \(place): \(String(reflecting: error))")
        }
    }
}
