import FieldClient
import OutpostModel
import Pricing
import TerminalOutput

/// A quote as `outpost quote …` prints it: stored fields plus a fresh pricing.
struct QuoteView: Encodable {
    struct Line: Encodable {
        let product: String
        let quantity: Int
        let options: Int
        let unitPrice: String
        let total: String?

        enum CodingKeys: String, CodingKey {
            case product, quantity, options, total
            case unitPrice = "unit_price"
        }
    }

    let id: String
    let opportunity: String
    let status: String
    let currency: String?
    let priceBook: String?
    let bundleVersion: Int
    let lines: [Line]
    let subtotal: String?
    let discountBasisPoints: Int
    let discountAmount: String?
    let discount: String?
    let total: String?
    let needsApproval: Bool?
    let approvedBy: String?

    enum CodingKeys: String, CodingKey {
        case id, opportunity, status, currency, lines, subtotal, discount, total
        case priceBook = "price_book", bundleVersion = "bundle_version", discountBasisPoints = "discount_basis_points"
        case discountAmount = "discount_amount"
        case needsApproval = "needs_approval", approvedBy = "approved_by"
    }

    /// The view of `quote`, with `priced` when it is known (else priced afresh if possible).
    init(_ quote: Quote, priced: PricedQuote?, catalog: Catalog) {
        let book = quote.priceBookID.flatMap { try? catalog.priceBook(id: $0) }
        let priced = priced ?? book.flatMap { try? catalog.priceList($0).price(quote) }
        id = quote.id.description
        opportunity = quote.opportunityID.description
        status = quote.status.rawValue
        currency = quote.currency?.code
        priceBook = book?.name
        bundleVersion = quote.bundleVersion
        lines = quote.lines.enumerated().map { index, line in
            Line(product: catalog.products.first { $0.id == line.productID }?.sku ?? line.productID.description,
                 quantity: line.quantity, options: line.selectedOptionIDs.count, unitPrice: line.unitPrice.decimalString,
                 total: priced?.lines[index].total.decimalString)
        }
        subtotal = priced?.subtotal.decimalString
        discountBasisPoints = quote.discountBasisPoints
        discountAmount = quote.discountAmount?.decimalString
        discount = priced?.discount.decimalString
        total = quote.total?.decimalString
        needsApproval = priced?.needsApproval
        approvedBy = quote.approvedBy?.description
    }

    /// Prints the quote for people.
    func print() {
        let money = { (amount: String?) in amount.map { "\($0) \(currency ?? "")" } ?? "-" }
        Swift.print("quote \(id)  \(status)  opportunity \(opportunity)")
        Swift.print("priced with \(priceBook ?? "no price book yet") (bundle version \(bundleVersion))")
        if !lines.isEmpty {
            Output.table(["PRODUCT", "QTY", "OPTIONS", "UNIT PRICE", "LINE TOTAL"],
                         lines.map { [$0.product, "\($0.quantity)", "\($0.options)", $0.unitPrice, $0.total ?? "-"] })
        }
        let percent = "\(discountBasisPoints / 100).\(discountBasisPoints % 100 < 10 ? "0" : "")\(discountBasisPoints % 100) %"
        Swift.print("subtotal \(money(subtotal)), discount \(money(discount)) (\(percent) + \(discountAmount ?? "0")), total \(money(total))")
        if needsApproval == true { Swift.print(status == "approved" ? "discount approved by a manager" : "discount over the threshold: needs a manager's approval") }
    }
}
