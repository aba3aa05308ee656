public import Foundation
public import OutpostModel

/// One state an order reached, as the order desk feed and exports show it.
public struct OrderEvent: Sendable, Equatable, Codable {
    /// The position in the feed: read on after it.
    public var cursor: Int64
    /// The order.
    public var orderID: EntityID<Order>
    /// Its human number.
    public var number: OrderNumber
    /// The state the order reached at this event.
    public var status: OrderStatus
    /// The quote it was placed on.
    public var quoteID: EntityID<Quote>
    /// The total as the server priced it.
    public var total: Money
    /// The quote's lines (products, options, quantities, unit prices) as ordered.
    public var lines: [QuoteLine]
    /// The order as the server holds it now: its sheet (customer, addresses, priced
    /// lines with SKUs and option names, discounts).
    public var order: Order
    /// The number of the rejected order this one replaces, if any.
    public var replaces: OrderNumber?
    /// The number of the order that replaced this one, if any.
    public var replacedBy: OrderNumber?
    /// When the server took the order in.
    public var placedAt: Date
    /// When the order reached this state.
    public var at: Date
    /// The order desk's note to the rep with this move, if any.
    public var note: String?

    /// An event with every field given.
    public init(cursor: Int64, orderID: EntityID<Order>, number: OrderNumber, status: OrderStatus, quoteID: EntityID<Quote>,
                total: Money, lines: [QuoteLine], order: Order, replaces: OrderNumber? = nil, replacedBy: OrderNumber? = nil,
                placedAt: Date, at: Date, note: String? = nil) {
        self.cursor = cursor
        self.orderID = orderID
        self.number = number
        self.status = status
        self.quoteID = quoteID
        self.total = total
        self.lines = lines
        self.order = order
        self.replaces = replaces
        self.replacedBy = replacedBy
        self.placedAt = placedAt
        self.at = at
        self.note = note
    }
}

/// A page of the order feed.
public struct OrderFeedPage: Sendable, Equatable {
    /// The events after the asked cursor, ascending by cursor.
    public var events: [OrderEvent]
    /// The cursor to ask after next time (the last event's, or the asked one).
    public var next: Int64

    /// A page of `events` ending at `next`.
    public init(events: [OrderEvent], next: Int64) {
        self.events = events
        self.next = next
    }
}
