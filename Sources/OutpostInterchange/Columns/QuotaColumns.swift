import OutpostModel

/// `quotas` files: `id,user_id,territory_id,period,amount,currency`.
///
/// One quota per user, territory and period: a row without an id updates the quota
/// of the same three. `user_id` and `territory_id` take ids or names.
enum QuotaColumns: RecordColumns {
    static let kind = InterchangeKind.quotas
    static let matchIsIdentity = true

    static let columns: [Column<Quota>] = [
        Column("id", .generated) { $0.id.description },
        Column("user_id", .required) { $0.userID.description },
        Column("territory_id", .required) { $0.territoryID.description },
        Column("period", .required) { $0.period.description },
        Column("amount", .required) { $0.amount.decimalString },
        Column("currency", .required) { $0.amount.currency.code },
    ]

    static func decode(_ row: inout RowDecoder) -> Quota? {
        let id = row.cell("id", EntityID<Quota>.init(parsing:field:)) ?? EntityID<Quota>()
        let userID = row.reference("user_id", among: \.users, names: \.userNames, noun: "user")
        let territoryID = row.reference("territory_id", among: \.territories, names: \.territoryNames, noun: "territory")
        let period = row.cell("period") { text, _ throws(ValidationError) in try ForecastPeriod(parsing: text) }
        let amount = row.money("amount", currencyColumn: "currency")
        guard row.isClean, let userID, let territoryID, let period, let amount else { return nil }
        return Quota(id: id, userID: userID, territoryID: territoryID, period: period, amount: amount)
    }

    static func matchKeys(_ quota: Quota) -> [String] { ["user, territory and period: \(quota.userID) \(quota.territoryID) \(quota.period)"] }
}
