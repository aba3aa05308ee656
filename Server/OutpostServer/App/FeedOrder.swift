import Foundation
public import Hummingbird
import OrderIntake
import OutpostModel
import OutpostStore

/// One entry of the order feed as JSON for fulfilment systems: an order in the
/// state it reached at `cursor`, readable as the desk reads it (``ReadableOrder``:
/// customer, addresses, lines by SKU and name with every option and its price,
/// discounts and a total the lines add up to), with when it was placed and changed.
struct FeedOrder: Codable, Equatable {
    let cursor: Int64
    let order: ReadableOrder
    let placedAt: String
    let changedAt: String

    enum CodingKeys: String, CodingKey {
        case cursor, placedAt = "placed_at", changedAt = "changed_at"
    }

    init(_ event: OrderEvent) {
        cursor = event.cursor
        var state = event.order
        state.status = event.status
        state.deskNote = event.note
        order = ReadableOrder(state, replaces: event.replaces?.description, replacedBy: event.replacedBy?.description)
        placedAt = event.placedAt.formatted(.iso8601)
        changedAt = event.at.formatted(.iso8601)
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        cursor = try container.decode(Int64.self, forKey: .cursor)
        placedAt = try container.decode(String.self, forKey: .placedAt)
        changedAt = try container.decode(String.self, forKey: .changedAt)
        order = try ReadableOrder(from: decoder)
    }

    /// The order's fields and the feed's, in one object.
    func encode(to encoder: any Encoder) throws {
        try order.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(cursor, forKey: .cursor)
        try container.encode(placedAt, forKey: .placedAt)
        try container.encode(changedAt, forKey: .changedAt)
    }

    /// The CSV columns of `outpost-server export orders`: one row per order line, the
    /// order's columns repeated, so a spreadsheet sums `line_total` to `subtotal`.
    static let csvHeader = ["number", "status", "customer", "contact", "ship_to", "bill_to", "rep", "opportunity", "quote_number",
                            "ordered_on", "requested_delivery", "currency", "line", "sku", "product", "options", "quantity",
                            "unit_price", "tier_discount", "line_total", "subtotal", "discount_percent", "percentage_discount",
                            "amount_discount", "total", "replaces", "replaced_by", "desk_note", "placed_at", "changed_at", "id"]

    /// The rows of `event`'s order, one per line (an order without lines gets one row);
    /// `options` lists `name (code) price` separated by `; `.
    static func csvRows(_ event: OrderEvent) -> [[String]] {
        let feed = FeedOrder(event)
        let order = feed.order
        let head = [order.number ?? "", order.status, order.customer ?? "", order.contact ?? "", order.shipTo ?? "", order.billTo ?? "",
                    order.rep ?? "", order.opportunity ?? "", order.quoteNumber ?? "", order.orderedOn ?? "",
                    order.requestedDelivery ?? "", order.currency ?? ""]
        let tail = [order.subtotal ?? "", order.discountPercent ?? "", order.percentageDiscount ?? "", order.amountDiscount ?? "",
                    order.total ?? "", order.replaces ?? "", order.replacedBy ?? "", order.deskNote ?? "", feed.placedAt,
                    feed.changedAt, order.id]
        guard !order.lines.isEmpty else { return [head + Array(repeating: "", count: 8) + tail] }
        return order.lines.enumerated().map { index, line in
            let options = line.options.map { "\($0.name) (\($0.code)) \($0.price)" }.joined(separator: "; ")
            return head + ["\(index + 1)", line.sku, line.product, options, "\(line.quantity)", line.unitPrice, line.tierDiscount,
                           line.total] + tail
        }
    }
}

/// The body of `GET /orders/feed`.
struct FeedPage: ResponseCodable, Equatable {
    let orders: [FeedOrder]
    /// The cursor to pass as `after` next time.
    let next: Int64
}
