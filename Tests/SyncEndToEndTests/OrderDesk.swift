import FieldClient
import Foundation
import OutpostModel
import OutpostSQLite
import OutpostStore
import Pricing
import TestSupport

/// What the order tests add to ``TestCompany``: ``TestCatalog`` (options, rules and a
/// EUR price book for its product) and an order desk user.
struct OrderDesk {
    let desk = User(name: "desk", displayName: "Order Desk", role: .desk)
    let catalog: TestCatalog
    let product: Product

    init(company: TestCompany) {
        product = company.product
        catalog = TestCatalog(product: product)
    }

    /// The desk of `hub`'s company, with its catalog and desk user stored on `hub`.
    static func installed(on hub: LiveHub) async throws -> OrderDesk {
        try await installed(on: hub.store, company: hub.company)
    }

    /// The desk of `company`, with its catalog and desk user stored in `store`.
    static func installed(on store: SQLiteStore, company: TestCompany) async throws -> OrderDesk {
        let shop = OrderDesk(company: company)
        var batch = shop.catalog.batch
        batch.users = [shop.desk]
        try await store.insert(batch)
        return shop
    }

    /// An accepted quote on `opportunity` for `quantity` workstations with `options`,
    /// priced by the price book as a device would, with the catalog bundle version
    /// `replica` verified.
    func acceptedQuote(on opportunity: Opportunity, options: [ProductOption], quantity: Int, pricedOn replica: Replica) throws -> Quote {
        let list = PriceList(priceBook: catalog.book, products: [product], options: catalog.batch.productOptions)
        let priced = try list.price(lines: [LineRequest(productID: product.id, optionIDs: options.map(\.id), quantity: quantity)],
                                    discountBasisPoints: 0, discountAmount: nil)
        return Quote(opportunityID: opportunity.id, status: .accepted,
                     lines: [QuoteLine(productID: product.id, selectedOptionIDs: options.map(\.id), quantity: quantity,
                                       unitPrice: priced.lines[0].unitPrice)],
                     bundleVersion: try replica.catalog().bundleVersion(products: [product.id]),
                     priceBookID: catalog.book.id, total: priced.total)
    }

    /// Places an order on `quote` offline on `replica` (`outpost order place
    /// --keep-opportunity`: these tests follow the order, not the deal).
    @discardableResult
    static func place(_ quote: Quote, on replica: Replica) throws -> Order {
        try replica.placeOrder(quote: quote.id.description, OrderPlacement(keepOpportunity: true))
    }
}

/// `GET /orders/feed` on `hub` over a real socket.
func feed(_ hub: LiveHub, after cursor: Int64, limit: Int, token: String = LiveHub.feedToken) async throws -> (status: String, body: Data) {
    try await feed(port: hub.httpPort, after: cursor, limit: limit, token: token)
}

/// `GET /orders/feed` on the HTTP port `port` over a real socket.
func feed(port: Int, after cursor: Int64, limit: Int, token: String) async throws -> (status: String, body: Data) {
    let request = "GET /orders/feed?after=\(cursor)&limit=\(limit) HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        + "Authorization: Bearer \(token)\r\nConnection: close\r\n\r\n"
    let response = try await sendAndWaitForClose(to: port, Array(request.utf8))
    let text = String(decoding: response, as: UTF8.self)
    let parts = text.components(separatedBy: "\r\n\r\n")
    return (parts[0].components(separatedBy: "\r\n")[0], Data((parts.dropFirst().joined(separator: "\r\n\r\n")).utf8))
}

/// The JSON of `GET /orders/feed`, as a fulfilment system reads it.
struct FeedJSON: Decodable {
    struct Entry: Decodable {
        let cursor: Int64
        let id: String
        let number: String
        let status: String
        let total: String
        let currency: String
        let note: String?

        enum CodingKeys: String, CodingKey {
            case cursor, id, number, status, total, currency, note = "desk_note"
        }
    }

    let orders: [Entry]
    let next: Int64
}
