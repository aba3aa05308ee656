import FieldClient
import Foundation
import OutpostModel
import OutpostSQLite
import OutpostStore
import Pricing
import TestSupport

/// What the order tests add to ``TestCompany``: an order desk user, two options of the
/// workstation (an SSD and a hard disk, which its rules exclude together), the rules,
/// and a EUR price book with a 15 % approval threshold.
struct OrderDesk {
    let desk: User
    let ssd: ProductOption
    let hdd: ProductOption
    let book: PriceBook
    let product: Product

    init(company: TestCompany) {
        product = company.product
        desk = User(name: "desk", displayName: "Order Desk", role: .desk)
        ssd = ProductOption(productID: product.id, code: "ssd", name: "SSD 1 TB", price: Money(minorUnits: 8_000, currency: .eur), variable: 2)
        hdd = ProductOption(productID: product.id, code: "hdd", name: "HDD 4 TB", price: Money(minorUnits: 4_000, currency: .eur), variable: 3)
        book = PriceBook(name: "Standard EUR", currency: .eur, entries: [product.id: product.basePrice], approvalThresholdBasisPoints: 1_500)
    }

    /// Adds the desk user and the catalog to `hub`.
    func install(on hub: LiveHub) async throws {
        var batch = RecordBatch()
        batch.users = [desk]
        batch.productOptions = [ssd, hdd]
        batch.configuratorModels = [ConfiguratorModel(productID: product.id, variableCount: 3, clauses: [[1], [-2, -3]])]
        batch.priceBooks = [book]
        try await hub.store.insert(batch)
    }

    /// An accepted quote on `opportunity` for `quantity` workstations with `options`,
    /// priced by the price book as a device would.
    func acceptedQuote(on opportunity: Opportunity, options: [ProductOption], quantity: Int) throws -> Quote {
        let list = PriceList(priceBook: book, products: [product], options: [ssd, hdd])
        let priced = try list.price(lines: [LineRequest(productID: product.id, optionIDs: options.map(\.id), quantity: quantity)],
                                    discountBasisPoints: 0, discountAmount: nil)
        return Quote(opportunityID: opportunity.id, status: .accepted,
                     lines: [QuoteLine(productID: product.id, selectedOptionIDs: options.map(\.id), quantity: quantity,
                                       unitPrice: priced.lines[0].unitPrice)],
                     priceBookID: book.id, total: priced.total)
    }

    /// Places an order on `quote` offline on `replica` (`outpost order place`).
    @discardableResult
    static func place(_ quote: Quote, on replica: Replica) throws -> Order {
        try replica.placeOrder(quote: quote.id.description)
    }
}

/// `GET /orders/feed` on `hub` over a real socket.
func feed(_ hub: LiveHub, after cursor: Int64, limit: Int, token: String = LiveHub.feedToken) async throws -> (status: String, body: Data) {
    let request = "GET /orders/feed?after=\(cursor)&limit=\(limit) HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        + "Authorization: Bearer \(token)\r\nConnection: close\r\n\r\n"
    let response = try await sendAndWaitForClose(to: hub.httpPort, Array(request.utf8))
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
    }

    let orders: [Entry]
    let next: Int64
}
