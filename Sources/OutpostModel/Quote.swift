/// Where a quote stands on its way to the customer.
public enum QuoteStatus: String, Hashable, Sendable, Codable, CaseIterable {
    case draft, submitted, approved, accepted, rejected
}

/// One configured product on a quote.
public struct QuoteLine: Hashable, Sendable, Codable {
    public var productID: ProductID
    public var selectedOptionIDs: [ProductOptionID]
    public var quantity: Int
    public var unitPrice: Money

    public init(productID: ProductID, selectedOptionIDs: [ProductOptionID], quantity: Int, unitPrice: Money) {
        self.productID = productID
        self.selectedOptionIDs = selectedOptionIDs
        self.quantity = quantity
        self.unitPrice = unitPrice
    }
}

/// A priced offer on an opportunity.
public struct Quote: Hashable, Sendable, Codable, Identifiable, Validatable {
    public var id: EntityID<Quote>
    public var opportunityID: OpportunityID
    public var status: QuoteStatus
    public var lines: [QuoteLine]
    /// Discount in basis points (1/100 of a percent): 1250 is 12.5 %.
    public var discountBasisPoints: Int
    /// The version of the signed rule and price bundle the quote was priced with.
    public var bundleVersion: Int
    /// A discount of a fixed amount, taken after the percentage; `nil` for none.
    public var discountAmount: Money?
    /// The price book the quote was priced with; `nil` until it is priced.
    public var priceBookID: PriceBookID?
    /// The total after volume tiers and discounts when last priced; `nil` until then.
    public var total: Money?
    /// The manager who approved the quote's discount, if one did.
    public var approvedBy: UserID?
    /// The human number the server gives the quote when it first receives it (`Q-000123`);
    /// a revision shares the number of the quote it revises. `nil` while provisional.
    public var number: Int?
    /// The revision: 1 for a new quote, 2 for the first revision… `nil` reads as 1.
    public var revision: Int?
    /// The quote this one revises, if it is a revision.
    public var revisionOf: EntityID<Quote>?
    /// The last day the offer holds; an expired quote cannot be ordered.
    public var validUntil: CalendarDay?
    /// Why a manager rejected the quote, for the rep.
    public var rejectionReason: String?

    public init(id: EntityID<Quote> = EntityID<Quote>(), opportunityID: OpportunityID, status: QuoteStatus = .draft,
                lines: [QuoteLine] = [], discountBasisPoints: Int = 0, bundleVersion: Int = 0,
                discountAmount: Money? = nil, priceBookID: PriceBookID? = nil, total: Money? = nil,
                approvedBy: UserID? = nil, number: Int? = nil, revision: Int? = nil, revisionOf: EntityID<Quote>? = nil,
                validUntil: CalendarDay? = nil, rejectionReason: String? = nil) {
        self.id = id
        self.opportunityID = opportunityID
        self.status = status
        self.lines = lines
        self.discountBasisPoints = discountBasisPoints
        self.bundleVersion = bundleVersion
        self.discountAmount = discountAmount
        self.priceBookID = priceBookID
        self.total = total
        self.approvedBy = approvedBy
        self.number = number
        self.revision = revision
        self.revisionOf = revisionOf
        self.validUntil = validUntil
        self.rejectionReason = rejectionReason
    }

    /// The quote's number as people read it: `Q-000123`, `Q-000123-2` for revision 2,
    /// `provisional` before the server numbered it.
    public var label: String {
        guard let number else { return "provisional" }
        let digits = String(number)
        let base = "Q-" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
        return (revision ?? 1) > 1 ? "\(base)-\(revision ?? 1)" : base
    }

    /// Whether the offer has lapsed on `day` (the day after its validity date).
    public func isExpired(on day: CalendarDay) -> Bool { validUntil.map { day > $0 } ?? false }

    /// The currency of the quote's amounts: its lines', else its discount's or total's.
    public var currency: Currency? {
        lines.first?.unitPrice.currency ?? discountAmount?.currency ?? total?.currency
    }

    public func validate() throws(ValidationError) {
        guard (0...10_000).contains(discountBasisPoints) else {
            throw ValidationError(.outOfRange, field: "discount", "must be between 0 % and 100 % (got \(discountBasisPoints) basis points)")
        }
        for line in lines where line.quantity < 1 {
            throw ValidationError(.outOfRange, field: "quantity", "must be at least 1 (got \(line.quantity))")
        }
        if let currency = lines.first?.unitPrice.currency,
           let other = lines.first(where: { $0.unitPrice.currency != currency }) {
            throw ValidationError(.inconsistent, field: "unit_price", "all lines must be priced in one currency (got \(currency) and \(other.unitPrice.currency))")
        }
        try Check.notNegative(discountAmount, "discount_amount")
        try Check.notNegative(total, "total")
        if let number, number < 1 { throw ValidationError(.outOfRange, field: "number", "must be at least 1 (got \(number))") }
        if let revision, revision < 1 { throw ValidationError(.outOfRange, field: "revision", "must be at least 1 (got \(revision))") }
        try Check.optional(rejectionReason, "rejection_reason", maxLength: 1000)
        for (field, amount) in [("discount_amount", discountAmount), ("total", total)] {
            if let amount, let currency, amount.currency != currency {
                throw ValidationError(.inconsistent, field: field, "must be in the quote's currency \(currency) (got \(amount))")
            }
        }
    }
}

/// Where an order stands at the order desk.
public enum OrderStatus: String, Hashable, Sendable, Codable, CaseIterable {
    case submitted, accepted, rejected, fulfilled
}

/// An order placed from an accepted quote; its identity is made on the device.
///
/// The rep's device writes what the rep decides (contact, addresses, delivery date,
/// the order it replaces); the server writes, when it takes the order in, its number
/// and everything the order desk reads without the rep's records: the customer's,
/// contact's, rep's and opportunity's names, the quote's number, and the priced lines
/// and discounts that add up to the total (see `Protocol/RECORDS.md`, kind 15).
public struct Order: Hashable, Sendable, Codable, Identifiable, Validatable {
    public var id: EntityID<Order>
    public var quoteID: EntityID<Quote>
    /// The hash of the quote version the order came from, part of its identity.
    public var quoteHash: String
    /// The human order number the server gives when it accepts the order.
    public var number: OrderNumber?
    public var status: OrderStatus
    /// The order's total as the server priced it when it accepted the order (never
    /// the device's figure); `nil` until then.
    public var total: Money?
    /// What the order desk told the rep with its last move (why it rejected the order).
    public var deskNote: String?

    // Written by the rep's device when it places the order.
    /// The customer's contact for this order.
    public var contactID: ContactID?
    /// Where the goods go, one line: `Richmond Ltd, 4 Mill Lane, Bristol, GB`.
    public var shipTo: String?
    /// Where the invoice goes, one line.
    public var billTo: String?
    /// The day the customer wants the goods by.
    public var requestedDelivery: CalendarDay?
    /// The day the rep placed the order.
    public var orderedOn: CalendarDay?
    /// The rejected order this one replaces.
    public var replacesID: EntityID<Order>?
    /// The opportunity's stage before the order closed it as won; a rejection re-opens
    /// it there. `nil` when the order left the opportunity alone.
    public var reopenStage: OpportunityStage?

    // Written by the server when it takes the order in.
    /// The customer account's name.
    public var customer: String?
    /// The contact's name (and e-mail address).
    public var contact: String?
    /// The name of the rep who owns the opportunity.
    public var rep: String?
    /// The opportunity's name.
    public var opportunity: String?
    /// The quote's human number, `Q-000123-2`.
    public var quoteNumber: String?
    /// The priced lines; they add up to `subtotal`.
    public var lines: [OrderLine]
    /// The sum of the lines' totals.
    public var subtotal: Money?
    /// The quote's percentage discount, in basis points of the subtotal.
    public var discountBasisPoints: Int?
    /// The percentage discount as an amount.
    public var percentageDiscount: Money?
    /// The fixed discount, taken after the percentage.
    public var amountDiscount: Money?

    public init(id: EntityID<Order> = EntityID<Order>(), quoteID: EntityID<Quote>, quoteHash: String,
                number: OrderNumber? = nil, status: OrderStatus = .submitted, total: Money? = nil, deskNote: String? = nil) {
        self.id = id
        self.quoteID = quoteID
        self.quoteHash = quoteHash
        self.number = number
        self.status = status
        self.total = total
        self.deskNote = deskNote
        self.lines = []
    }

    /// The currency of the order's amounts, once the server priced it.
    public var currency: Currency? { total?.currency ?? subtotal?.currency ?? lines.first?.total.currency }

    public func validate() throws(ValidationError) {
        try Check.optional(deskNote, "desk_note", maxLength: 1000)
        for (text, field) in [(shipTo, "ship_to"), (billTo, "bill_to"), (customer, "customer"), (contact, "contact"),
                              (rep, "rep"), (opportunity, "opportunity"), (quoteNumber, "quote_number")] {
            try Check.optional(text, field, maxLength: 400)
        }
        try Check.notNegative(total, "total")
        for line in lines { try line.validate() }
        guard let subtotal else { return }
        let sum = lines.map(\.total.minorUnits).reduce(0, &+)
        guard sum == subtotal.minorUnits else {
            throw ValidationError(.inconsistent, field: "subtotal", "the lines add up to \(Money(minorUnits: sum, currency: subtotal.currency)), not \(subtotal)")
        }
        let discounts = (percentageDiscount?.minorUnits ?? 0) + (amountDiscount?.minorUnits ?? 0)
        if let total, subtotal.minorUnits - discounts != total.minorUnits {
            throw ValidationError(.inconsistent, field: "total", "the subtotal \(subtotal) less the discounts is not the total \(total)")
        }
    }
}
