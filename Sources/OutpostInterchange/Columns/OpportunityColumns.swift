import OutpostModel

/// `opportunities` files:
/// `id,account_id,owner_id,name,stage,amount,currency,close_date,probability`.
///
/// `amount` is a plain decimal in `currency` (`1234.50`, `EUR`); a blank
/// `probability` takes the stage's default.
enum OpportunityColumns: RecordColumns {
    static let kind = InterchangeKind.opportunities

    static let columns: [Column<Opportunity>] = [
        Column("id", .generated) { $0.id.description },
        Column("account_id", .required) { $0.accountID.description },
        Column("owner_id", .required) { $0.ownerID.description },
        Column("name", .required) { $0.name },
        Column("stage", .required) { $0.stage.rawValue },
        Column("amount", .required) { $0.amount.decimalString },
        Column("currency", .required) { $0.amount.currency.code },
        Column("close_date", .required) { $0.closeDate.description },
        Column("probability") { String($0.probability) },
    ]

    static func decode(_ row: inout RowDecoder) -> Opportunity? {
        let id = row.cell("id", OpportunityID.init(parsing:field:)) ?? OpportunityID()
        let accountID = row.reference("account_id", among: \.accounts, names: \.accountNames, noun: "account")
        let ownerID = row.reference("owner_id", among: \.users, names: \.userNames, noun: "user")
        let name = row.text("name")
        let stage = row.cell("stage") { text, _ throws(ValidationError) in try OpportunityStage(parsing: text) }
        let currency = row.cell("currency") { text, _ throws(ValidationError) in try Currency(code: text.uppercased()) }
        // Without a valid currency the amount's decimal places cannot be checked;
        // the currency cell is reported instead.
        let amount = currency.flatMap { currency in
            row.cell("amount") { text, column throws(ValidationError) in
                try Money(parsing: text, currency: currency, field: column)
            }
        }
        let closeDate = row.cell("close_date", CalendarDay.init(parsing:field:))
        let probability = row.cell("probability", parseProbability)
        guard row.isClean, let accountID, let ownerID, let name, let stage, let amount, let closeDate
        else { return nil }
        return Opportunity(id: id, accountID: accountID, ownerID: ownerID, name: name, stage: stage,
                           amount: amount, closeDate: closeDate, probability: probability)
    }

    /// A whole number; the range and the fit with the stage are `Opportunity.validate()`'s to check.
    private static func parseProbability(_ text: String, column: String) throws(ValidationError) -> Int {
        guard let value = Int(text) else {
            throw ValidationError(.badFormat, field: column, "must be a whole number from 0 to 100, or empty for the stage's default (got \"\(text)\")")
        }
        return value
    }
}
