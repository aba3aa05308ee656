import GRDB
import OutpostModel
import OutpostStore

extension ForecastSubmission {
    /// Every submission with its amounts, by period, territory and id.
    static func fetchAll(_ db: Database) throws -> [ForecastSubmission] {
        var amounts: [EntityID<ForecastSubmission>: [ForecastCategory: Money]] = [:]
        let rows = try Row.fetchCursor(db.cachedStatement(sql: amountShape.selectSQL))
        while let row = try rows.next() {
            let amount = try Self.amount(stored: SQLiteStoredRow(row))
            amounts[amount.submission, default: [:]][amount.category] = amount.amount
        }
        return try db.fetch(shape.selectSQL + " ORDER BY period, territory_id, id") { row throws(StoreError) in
            let stored = SQLiteStoredRow(row)
            return try ForecastSubmission(stored: stored, amounts: amounts[try stored.id(0, "forecast_submission", "id")] ?? [:])
        }
    }
}
