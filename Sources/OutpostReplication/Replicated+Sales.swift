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
        route: { .forecast($0.territoryID) },
        blank: {
            ForecastSubmission(id: $0, ownerID: .placeholder, territoryID: .placeholder,
                               period: .quarter(year: 1970, quarter: 1), amounts: [:])
        })
}

extension ForecastAdjustment: ReplicatedRecord {
    /// Routed as its submission, or by its territory when it stands without one.
    public static let schema = RecordSchema<ForecastAdjustment>(
        kind: .forecastAdjustment,
        fields: [
            .optional(1, "submission_id", \.submissionID, .reference()),
            .required(2, "manager_id", \.managerID, .reference()),
            .required(3, "category", \.category, .enumeration()),
            .required(4, "amount", \.amount, .money),
            .currency(5, of: { $0.amount.currency }),
            .optional(6, "note", \.note, .string),
            .optional(7, "made_at", \.madeAt, .int),
            .optional(8, "rep_id", \.repID, .reference()),
            .optional(9, "territory_id", \.territoryID, .reference()),
            .optional(10, "period", \.period, .period),
        ],
        route: { adjustment in
            adjustment.submissionID.map { .forecastSubmission($0) } ?? .forecast(adjustment.territoryID ?? .placeholder)
        },
        blank: {
            var blank = ForecastAdjustment(id: $0, submissionID: .placeholder, managerID: .placeholder,
                                           category: .commit, amount: .zero(.eur))
            blank.submissionID = nil
            return blank
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
        route: { .forecast($0.territoryID) },
        blank: {
            Quota(id: $0, userID: .placeholder, territoryID: .placeholder,
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
            .optional(11, "number", \.number, .int),
            .optional(12, "revision", \.revision, .int),
            .optional(13, "revision_of", \.revisionOf, .reference()),
            .optional(14, "valid_until", \.validUntil, .day),
            .optional(15, "rejection_reason", \.rejectionReason, .string),
        ],
        route: { .opportunity($0.opportunityID) },
        blank: { Quote(id: $0, opportunityID: .placeholder) })
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
            .currency(6, of: { $0.currency }),
            .optional(7, "desk_note", \.deskNote, .string),
            .optional(8, "contact_id", \.contactID, .reference()),
            .optional(9, "ship_to", \.shipTo, .string),
            .optional(10, "bill_to", \.billTo, .string),
            .optional(11, "requested_delivery", \.requestedDelivery, .day),
            .optional(12, "ordered_on", \.orderedOn, .day),
            .optional(13, "replaces_id", \.replacesID, .reference()),
            .optional(14, "reopen_stage", \.reopenStage, .enumeration()),
            .optional(15, "customer", \.customer, .string),
            .optional(16, "contact", \.contact, .string),
            .optional(17, "rep", \.rep, .string),
            .optional(18, "opportunity", \.opportunity, .string),
            .optional(19, "quote_number", \.quoteNumber, .string),
            .optional(20, "lines", \.linesOrAbsent, .bytes(.orderLines)),
            .optional(21, "subtotal", \.subtotal, .money),
            .optional(22, "discount_basis_points", \.discountBasisPoints, .int),
            .optional(23, "percentage_discount", \.percentageDiscount, .money),
            .optional(24, "amount_discount", \.amountDiscount, .money),
        ],
        route: { .quote($0.quoteID) },
        blank: { Order(id: $0, quoteID: .placeholder, quoteHash: "") })
}

extension Order {
    /// The lines as an optional field: always written, and an order the server has not
    /// priced yet (or a state from before the field) reads as no lines.
    var linesOrAbsent: [OrderLine]? {
        get { lines }
        set { lines = newValue ?? [] }
    }
}

extension Quote {
    /// The text an order's `quote_hash` is computed over: the quote's CSV row
    /// (``ReplicatedKind/csvRow(id:fields:)``) with its cells joined by line feeds,
    /// `number` left empty: the server numbers a quote after the device may have
    /// ordered it, and the number is not part of the offer.
    /// `quote_hash` is the lower-case hex of its unkeyed 32-byte BLAKE2b (libsodium's
    /// `crypto_generichash`), so device and server derive the same identity.
    public var versionText: String {
        var offer = self
        offer.number = nil
        return ReplicatedKind.quote.csvRow(id: recordID, fields: offer.fields).joined(separator: "\n")
    }
}
