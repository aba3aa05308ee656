public import OutpostModel

/// What the rep decides when placing an order, beyond the quote: the customer's
/// contact, the addresses, the delivery date, and whether the opportunity closes.
public struct OrderPlacement: Sendable {
    /// The contact (id, short id, or "First Last"); default: the account's first contact by name.
    public var contact: String?
    /// Where the goods go, one line; default (set by the server): the account's name, city and country.
    public var shipTo: String?
    /// Where the invoice goes, one line; default: the ship-to address.
    public var billTo: String?
    /// The day the customer wants the goods by.
    public var requestedDelivery: CalendarDay?
    /// Leave the opportunity as it is instead of closing it as won at the order's total.
    public var keepOpportunity: Bool
    /// The day the order is placed (checked against the quote's validity).
    public var today: CalendarDay

    public init(contact: String? = nil, shipTo: String? = nil, billTo: String? = nil, requestedDelivery: CalendarDay? = nil,
                keepOpportunity: Bool = false, today: CalendarDay = .deviceToday) {
        self.contact = contact
        self.shipTo = shipTo
        self.billTo = billTo
        self.requestedDelivery = requestedDelivery
        self.keepOpportunity = keepOpportunity
        self.today = today
    }
}
