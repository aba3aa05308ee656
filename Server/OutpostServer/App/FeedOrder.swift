import Foundation
public import Hummingbird
import MergeEngine
import OutpostModel
import OutpostReplication
import OutpostStore

/// One entry of the order feed as JSON for fulfilment systems: an order in the
/// state it reached at `cursor`. Amounts are decimal text in `currency`.
struct FeedOrder: Codable, Equatable {
    struct Line: Codable, Equatable {
        let productID: String
        let optionIDs: [String]
        let quantity: Int
        let unitPrice: String

        enum CodingKeys: String, CodingKey {
            case productID = "product_id", optionIDs = "option_ids", quantity, unitPrice = "unit_price"
        }
    }

    let cursor: Int64
    let id: String
    let number: String
    let status: String
    let quoteID: String
    let total: String
    let currency: String
    let lines: [Line]
    let placedAt: String
    let changedAt: String
    let note: String?

    enum CodingKeys: String, CodingKey {
        case cursor, id, number, status, quoteID = "quote_id", total, currency, lines
        case placedAt = "placed_at", changedAt = "changed_at", note = "desk_note"
    }

    init(_ event: OrderEvent) {
        cursor = event.cursor
        id = event.orderID.description
        number = event.number.description
        status = event.status.rawValue
        quoteID = event.quoteID.description
        total = event.total.decimalString
        currency = event.total.currency.code
        lines = event.lines.map {
            Line(productID: $0.productID.description, optionIDs: $0.selectedOptionIDs.map(\.description),
                 quantity: $0.quantity, unitPrice: $0.unitPrice.decimalString)
        }
        placedAt = event.placedAt.formatted(.iso8601)
        changedAt = event.at.formatted(.iso8601)
        note = event.note
    }

    /// A quote's `lines` field: wire id 3 (`Protocol/RECORDS.md`), which `StableFieldIDTests` pins.
    static let quoteLinesField = FieldID(3)

    /// The CSV columns of `outpost-server export orders`.
    static let csvHeader = ["number", "id", "status", "quote_id", "total", "currency", "lines", "placed_at", "changed_at",
                            "desk_note"]

    /// `event` as a CSV row; `lines` in the quote-lines text form of `Protocol/RECORDS.md`
    /// (the quote's own field text, so the two never differ).
    static func csvRow(_ event: OrderEvent) -> [String] {
        let order = FeedOrder(event)
        let quote = Quote(id: event.quoteID, opportunityID: OpportunityID(), lines: event.lines)
        let linesText = Quote.kind.text(of: quote.fields[quoteLinesField] ?? .null, field: quoteLinesField, in: quote.fields)
        return [order.number, order.id, order.status, order.quoteID, order.total, order.currency, linesText,
                order.placedAt, order.changedAt, order.note ?? ""]
    }
}

/// The body of `GET /orders/feed`.
struct FeedPage: ResponseCodable, Equatable {
    let orders: [FeedOrder]
    /// The cursor to pass as `after` next time.
    let next: Int64
}
