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

    public init(id: EntityID<Quote> = EntityID<Quote>(), opportunityID: OpportunityID, status: QuoteStatus = .draft,
                lines: [QuoteLine] = [], discountBasisPoints: Int = 0, bundleVersion: Int = 0,
                discountAmount: Money? = nil, priceBookID: PriceBookID? = nil, total: Money? = nil,
                approvedBy: UserID? = nil) {
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
    }

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
        if let amount = discountAmount, amount.minorUnits < 0 {
            throw ValidationError(.outOfRange, field: "discount_amount", "must not be negative (got \(amount))")
        }
        if let total, total.minorUnits < 0 {
            throw ValidationError(.outOfRange, field: "total", "must not be negative (got \(total))")
        }
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

    public init(id: EntityID<Order> = EntityID<Order>(), quoteID: EntityID<Quote>, quoteHash: String,
                number: OrderNumber? = nil, status: OrderStatus = .submitted, total: Money? = nil, deskNote: String? = nil) {
        self.id = id
        self.quoteID = quoteID
        self.quoteHash = quoteHash
        self.number = number
        self.status = status
        self.total = total
        self.deskNote = deskNote
    }

    public func validate() throws(ValidationError) {
        try Check.optional(deskNote, "desk_note", maxLength: 1000)
        if let total, total.minorUnits < 0 {
            throw ValidationError(.outOfRange, field: "total", "must not be negative (got \(total))")
        }
    }
}
