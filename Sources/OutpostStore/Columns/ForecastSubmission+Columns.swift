public import OutpostModel

extension ForecastSubmission: RecordWithChildRows {
    public static let shape = TableShape(
        "forecast_submission", writes: ["id", "owner_id", "territory_id", "period", "change_seq"],
        reads: ["id", "owner_id", "territory_id", "period"])
    /// One category's amount of a submission.
    public static let childShape = TableShape(
        "forecast_amount", writes: ["submission_id", "category", "amount_minor", "amount_currency"],
        reads: ["submission_id", "category", "amount_minor", "amount_currency"])

    /// The submission, then one row per category amount; with `upsert` (a device's
    /// resubmission), the submission in place and its amounts as a whole.
    public func statements(changeSeq: Int64, upsert: Bool) -> [RowStatement] {
        let describe = {
            RowDescription(kind: "forecast submission", id: id.description,
                           references: [RowReference("owner_id", "owner user", table: "\"user\"", id: ownerID.description),
                                        RowReference("territory_id", "territory", table: "territory", id: territoryID.description)])
        }
        var statements: [RowStatement] = [.write(TableRow(Self.shape, [.id(id), .id(ownerID), .id(territoryID), .text(period.description),
                                                                      .integer(changeSeq)], upsert: upsert, describe))]
        if upsert { statements.append(.clear(table: Self.childShape.table, column: "submission_id", value: .id(id))) }
        for (category, amount) in amounts.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            statements.append(.write(TableRow(Self.childShape, [.id(id), .text(category.rawValue), .integer(amount.minorUnits),
                                                                 .text(amount.currency.code)], describe)))
        }
        return statements
    }

    /// Submissions are listed by period, territory and id.
    public static let listingOrder = "period, territory_id, id"

    /// Decodes a row of `shape.selectSQL` with the submission's amounts by category.
    public init(stored row: some StoredRow, children amounts: [ForecastCategory: Money]) throws(StoreError) {
        let period: ForecastPeriod
        let text = try row.text(3, "forecast_submission", "period")
        do throws(ValidationError) {
            period = try ForecastPeriod(parsing: text)
        } catch {
            throw StoreError.unreadable("forecast_submission", "period", error.reason)
        }
        self.init(id: try row.id(0, "forecast_submission", "id"), ownerID: try row.id(1, "forecast_submission", "owner_id"),
                  territoryID: try row.id(2, "forecast_submission", "territory_id"), period: period, amounts: amounts)
    }

    /// Decodes a row of `childShape.selectSQL`: the submission's id, a category and its amount.
    public static func child(stored row: some StoredRow)
        throws(StoreError) -> (parent: EntityID<ForecastSubmission>, key: ForecastCategory, value: Money) {
        (try row.id(0, "forecast_amount", "submission_id"), try row.value(1, "forecast_amount", "category"),
         try row.money(2, "forecast_amount", "amount"))
    }
}
