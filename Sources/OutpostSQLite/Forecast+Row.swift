import GRDB
import OutpostModel
import OutpostStore

extension ForecastSubmission {
    static let insertSQL = """
        INSERT INTO forecast_submission (id, owner_id, territory_id, period, change_seq) VALUES (?, ?, ?, ?, ?)
        """
    static let insertAmountSQL = """
        INSERT INTO forecast_amount (submission_id, category, amount_minor, amount_currency) VALUES (?, ?, ?, ?)
        """
    static let selectSQL = "SELECT id, owner_id, territory_id, period FROM forecast_submission"
    static let selectAmountsSQL = "SELECT submission_id, category, amount_minor, amount_currency FROM forecast_amount"

    /// Inserts the submission and one row per category amount.
    func insert(_ db: Database, changeSeq: Int64) throws {
        try db.write(Self.insertSQL, [id.sql, ownerID.sql, territoryID.sql, period.description, changeSeq],
                     RowContext(kind: "forecast submission", id: id.sql,
                                references: { [Reference(label: "owner user", table: "\"user\"", id: ownerID.sql),
                                               Reference(label: "territory", table: "territory", id: territoryID.sql)] }))
        for (category, amount) in amounts.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            try db.write(Self.insertAmountSQL, [id.sql, category.rawValue, amount.minorUnits, amount.currency.code],
                         RowContext(kind: "forecast submission", id: id.sql))
        }
    }

    /// Every submission with its amounts, by period, territory and id.
    static func fetchAll(_ db: Database) throws -> [ForecastSubmission] {
        var amounts: [String: [ForecastCategory: Money]] = [:]
        let rows = try Row.fetchCursor(db.cachedStatement(sql: selectAmountsSQL))
        while let row = try rows.next() {
            let category: ForecastCategory = try decodeEnum(row[1], "forecast_amount", "category")
            amounts[row[0], default: [:]][category] = try Money.decode(row[2], row[3], "forecast_amount", "amount")
        }
        return try db.fetch(selectSQL + " ORDER BY period, territory_id, id") { row throws(StoreError) in
            let period: ForecastPeriod
            do throws(ValidationError) {
                period = try ForecastPeriod(parsing: row[3])
            } catch {
                throw StoreError.corrupt("forecast_submission", "period", error.reason)
            }
            return ForecastSubmission(id: try .decode(row[0], "forecast_submission", "id"),
                                      ownerID: try .decode(row[1], "forecast_submission", "owner_id"),
                                      territoryID: try .decode(row[2], "forecast_submission", "territory_id"),
                                      period: period, amounts: amounts[row[0]] ?? [:])
        }
    }
}
