import FieldClient
import OrderIntake
import OutpostModel
import Pricing
import TerminalOutput

/// A quote as `outpost quote …` prints it: stored fields plus a fresh pricing, each
/// line with its options by name and price.
struct QuoteView: Encodable {
    struct Line: Encodable {
        let sku: String
        let product: String
        let quantity: Int
        let options: [ReadableOrder.Option]
        let unitPrice: String
        let tierDiscount: String?
        let total: String?
        /// Whether the volume tiers took something off (not printed in JSON).
        let tiered: Bool

        enum CodingKeys: String, CodingKey {
            case sku, product, quantity, options, total
            case unitPrice = "unit_price", tierDiscount = "tier_discount"
        }
    }

    let id: String
    let number: String
    let revision: Int
    let revisionOf: String?
    let opportunity: String
    let status: String
    let validUntil: String?
    let rejectionReason: String?
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
        case id, number, revision, opportunity, status, currency, lines, subtotal, discount, total
        case revisionOf = "revision_of", validUntil = "valid_until", rejectionReason = "rejection_reason"
        case priceBook = "price_book", bundleVersion = "bundle_version", discountBasisPoints = "discount_basis_points"
        case discountAmount = "discount_amount"
        case needsApproval = "needs_approval", approvedBy = "approved_by"
    }

    /// The view of `quote`, with `priced` when it is known (else priced afresh if possible).
    init(_ quote: Quote, priced: PricedQuote?, catalog: Catalog) {
        let book = quote.priceBookID.flatMap { try? catalog.priceBook(id: $0) }
        let priced = priced ?? book.flatMap { try? catalog.priceList($0).price(quote) }
        let options = Dictionary(catalog.options.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        id = quote.id.description
        number = quote.label
        revision = quote.revision ?? 1
        revisionOf = quote.revisionOf?.description
        opportunity = quote.opportunityID.description
        status = quote.status.rawValue
        validUntil = quote.validUntil?.description
        rejectionReason = quote.rejectionReason
        currency = quote.currency?.code
        priceBook = book?.name
        bundleVersion = quote.bundleVersion
        lines = quote.lines.enumerated().map { index, line in
            let product = catalog.products.first { $0.id == line.productID }
            let pricedLine = priced.flatMap { $0.lines.indices.contains(index) ? $0.lines[index] : nil }
            return Line(sku: product?.sku ?? line.productID.description, product: product?.name ?? "", quantity: line.quantity,
                        options: line.selectedOptionIDs.compactMap { options[$0] }
                            .map { ReadableOrder.Option(code: $0.code, name: $0.name, price: $0.price.decimalString) },
                        unitPrice: line.unitPrice.decimalString,
                        tierDiscount: pricedLine.map { Money(minorUnits: $0.listTotal.minorUnits - $0.total.minorUnits, currency: $0.total.currency).decimalString },
                        total: pricedLine?.total.decimalString,
                        tiered: pricedLine.map { $0.listTotal != $0.total } ?? false)
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
        Swift.print("quote \(number) (\(ShortID.of(id)))  \(status)  valid until \(validUntil ?? "-")  opportunity \(ShortID.of(opportunity))")
        if let rejectionReason { Swift.print("rejected by a manager: \(rejectionReason)") }
        Swift.print("priced with \(priceBook ?? "no price book yet") (bundle version \(bundleVersion))")
        for (index, line) in lines.enumerated() {
            Swift.print("\(index + 1). \(line.sku) \(line.product) × \(line.quantity)  unit \(line.unitPrice)"
                + (line.tiered ? ", volume tier −\(line.tierDiscount ?? "")" : "")
                + "  line total \(line.total ?? "-")")
            for option in line.options { Swift.print("     + \(option.name) (\(option.code))  \(option.price)") }
        }
        Swift.print("subtotal \(money(subtotal)), discount \(money(discount)) (\(ReadableOrder.percent(discountBasisPoints)) % + \(discountAmount ?? "0")), total \(money(total))")
        if needsApproval == true { Swift.print(status == "approved" || status == "accepted" ? "discount approved by a manager" : "discount over the threshold: needs a manager's approval") }
    }
}
