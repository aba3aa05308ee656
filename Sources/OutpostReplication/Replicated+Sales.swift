import MergeEngine
import OutpostModel

// Field ids are stable wire identifiers: never renumber or reuse them (see FieldSpec).

extension ForecastSubmission: ReplicatedRecord {
    /// Routed by its territory as a forecast. The amounts share the record's currency.
    public static let schema = RecordSchema<ForecastSubmission>(
        kind: .forecastSubmission,
        fields: [
            .required(1, "owner_id", \.ownerID, .reference()),
            .required(2, "territory_id", \.territoryID, .reference()),
            .required(3, "period", \.period, .period),
            .required(4, "amounts", \.amounts, .bytes(.forecastAmounts)),
            .currency(5, of: { $0.amounts.min { $0.key.rawValue < $1.key.rawValue }?.value.currency }),
        ],
        recordID: { RecordID($0.id) },
        route: { .forecast($0.territoryID) },
        blank: {
            ForecastSubmission(id: EntityID($0), ownerID: .placeholder, territoryID: .placeholder,
                               period: .quarter(year: 1970, quarter: 1), amounts: [:])
        })
}

extension ForecastAdjustment: ReplicatedRecord {
    /// Routed as its submission.
    public static let schema = RecordSchema<ForecastAdjustment>(
        kind: .forecastAdjustment,
        fields: [
            .required(1, "submission_id", \.submissionID, .reference()),
            .required(2, "manager_id", \.managerID, .reference()),
            .required(3, "category", \.category, .enumeration()),
            .required(4, "amount", \.amount, .money),
            .currency(5, of: { $0.amount.currency }),
            .optional(6, "note", \.note, .string),
            .optional(7, "made_at", \.madeAt, .int),
        ],
        recordID: { RecordID($0.id) },
        route: { .forecastSubmission($0.submissionID) },
        blank: {
            ForecastAdjustment(id: EntityID($0), submissionID: .placeholder, managerID: .placeholder,
                               category: .commit, amount: .zero(.eur))
        })
}

extension Quota: ReplicatedRecord {
    /// Routed by its territory as a forecast figure.
    public static let schema = RecordSchema<Quota>(
        kind: .quota,
        fields: [
            .required(1, "user_id", \.userID, .reference()),
            .required(2, "territory_id", \.territoryID, .reference()),
            .required(3, "period", \.period, .period),
            .required(4, "amount", \.amount, .money),
            .currency(5, of: { $0.amount.currency }),
        ],
        recordID: { RecordID($0.id) },
        route: { .forecast($0.territoryID) },
        blank: {
            Quota(id: EntityID($0), userID: .placeholder, territoryID: .placeholder,
                  period: .quarter(year: 1970, quarter: 1), amount: .zero(.eur))
        })
}

extension Quote: ReplicatedRecord {
    /// Routed as its opportunity. The lines' unit prices, the discount amount and the
    /// total share the record's currency, which is `.null` while the quote has none.
    public static let schema = RecordSchema<Quote>(
        kind: .quote,
        fields: [
            .required(1, "opportunity_id", \.opportunityID, .reference()),
            .required(2, "status", \.status, .enumeration()),
            .required(3, "lines", \.lines, .bytes(.quoteLines)),
            .currency(4, of: { $0.currency }),
            .required(5, "discount_basis_points", \.discountBasisPoints, .int),
            .required(6, "bundle_version", \.bundleVersion, .int),
            .optional(7, "discount_amount", \.discountAmount, .money),
            .optional(8, "price_book_id", \.priceBookID, .reference()),
            .optional(9, "total", \.total, .money),
            .optional(10, "approved_by", \.approvedBy, .reference()),
        ],
        recordID: { RecordID($0.id) },
        route: { .opportunity($0.opportunityID) },
        blank: { Quote(id: EntityID($0), opportunityID: .placeholder) })
}

extension Order: ReplicatedRecord {
    /// Routed as its quote. `number` and `total` are the server's (see ARCHITECTURE.md,
    /// the life of an order).
    public static let schema = RecordSchema<Order>(
        kind: .order,
        fields: [
            .required(1, "quote_id", \.quoteID, .reference()),
            .required(2, "quote_hash", \.quoteHash, .string),
            .optional(3, "number", \.number, .orderNumber),
            .required(4, "status", \.status, .enumeration()),
            .optional(5, "total", \.total, .money),
            .currency(6, of: { $0.total?.currency }),
            .optional(7, "desk_note", \.deskNote, .string),
        ],
        recordID: { RecordID($0.id) },
        route: { .quote($0.quoteID) },
        blank: { Order(id: EntityID($0), quoteID: .placeholder, quoteHash: "") })
}

extension Quote {
    /// The text an order's `quote_hash` is computed over: the quote's CSV row
    /// (``ReplicatedKind/csvRow(id:fields:)``) with its cells joined by line feeds.
    /// `quote_hash` is the lower-case hex of its unkeyed 32-byte BLAKE2b (libsodium's
    /// `crypto_generichash`), so device and server derive the same identity.
    public var versionText: String {
        ReplicatedKind.quote.csvRow(id: recordID, fields: fields).joined(separator: "\n")
    }
}
