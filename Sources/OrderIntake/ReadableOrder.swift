public import OutpostModel

/// An order as people and programs read it: who ordered what, by SKU and name with
/// every option and its price, how each line's total and the order's total were
/// reached, and where the goods and the invoice go. `outpost orders show --json`,
/// `GET /orders/feed` and `outpost-server export orders` all print this, so they never
/// differ. Amounts are decimal text in `currency`.
public struct ReadableOrder: Codable, Equatable, Sendable {
    /// One option of a line.
    public struct Option: Codable, Equatable, Sendable {
        public let code: String
        public let name: String
        public let price: String

        /// An option with its code, name and price as decimal text.
        public init(code: String, name: String, price: String) {
            self.code = code
            self.name = name
            self.price = price
        }
    }

    /// One line: `unit_price × quantity − tier_discount = total`.
    public struct Line: Codable, Equatable, Sendable {
        public let sku: String
        public let product: String
        public let productPrice: String
        public let options: [Option]
        public let quantity: Int
        public let unitPrice: String
        public let tierDiscount: String
        public let total: String

        enum CodingKeys: String, CodingKey {
            case sku, product, options, quantity, total
            case productPrice = "product_price", unitPrice = "unit_price", tierDiscount = "tier_discount"
        }
    }

    public let id: String
    public let number: String?
    public let status: String
    public let deskNote: String?
    public let quoteID: String
    public let quoteNumber: String?
    public let customer: String?
    public let contact: String?
    public let rep: String?
    public let opportunity: String?
    public let shipTo: String?
    public let billTo: String?
    public let orderedOn: String?
    public let requestedDelivery: String?
    public let currency: String?
    public let lines: [Line]
    public let subtotal: String?
    public let discountPercent: String?
    public let percentageDiscount: String?
    public let amountDiscount: String?
    public let total: String?
    /// The number (or id) of the rejected order this one replaces.
    public let replaces: String?
    /// The number (or id) of the order that replaced this rejected one.
    public let replacedBy: String?

    enum CodingKeys: String, CodingKey {
        case id, number, status, customer, contact, rep, opportunity, currency, lines, subtotal, total, replaces
        case deskNote = "desk_note", quoteID = "quote_id", quoteNumber = "quote_number", shipTo = "ship_to", billTo = "bill_to"
        case orderedOn = "ordered_on", requestedDelivery = "requested_delivery", discountPercent = "discount_percent"
        case percentageDiscount = "percentage_discount", amountDiscount = "amount_discount", replacedBy = "replaced_by"
    }

    /// The readable form of `order`.
    /// - Parameters:
    ///   - replaces: How to name the order it replaces (its number), if it replaces one.
    ///   - replacedBy: How to name the order that replaced it, if one did.
    public init(_ order: Order, replaces: String? = nil, replacedBy: String? = nil) {
        id = order.id.description
        number = order.number?.description
        status = order.status.rawValue
        deskNote = order.deskNote
        quoteID = order.quoteID.description
        quoteNumber = order.quoteNumber
        customer = order.customer
        contact = order.contact
        rep = order.rep
        opportunity = order.opportunity
        shipTo = order.shipTo
        billTo = order.billTo
        orderedOn = order.orderedOn?.description
        requestedDelivery = order.requestedDelivery?.description
        currency = order.currency?.code
        lines = order.lines.map { line in
            Line(sku: line.sku, product: line.productName, productPrice: line.productPrice.decimalString,
                 options: line.options.map { Option(code: $0.code, name: $0.name, price: $0.price.decimalString) },
                 quantity: line.quantity, unitPrice: line.unitPrice.decimalString,
                 tierDiscount: line.tierDiscount.decimalString, total: line.total.decimalString)
        }
        subtotal = order.subtotal?.decimalString
        discountPercent = order.discountBasisPoints.map(Self.percent)
        percentageDiscount = order.percentageDiscount?.decimalString
        amountDiscount = order.amountDiscount?.decimalString
        total = order.total?.decimalString
        self.replaces = replaces ?? order.replacesID?.description
        self.replacedBy = replacedBy
    }

    /// Basis points as a percentage with two decimals: 1250 → `12.50`.
    public static func percent(_ basisPoints: Int) -> String {
        let fraction = basisPoints % 100
        return "\(basisPoints / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// The order as plain text for a terminal or a mail: header, lines with their
    /// options, discounts and total, each amount right-aligned.
    public var text: String {
        let money = { (amount: String?) in amount.map { "\($0) \(currency ?? "")" } ?? "-" }
        var out: [String] = []
        out.append("Order \(number ?? "pending")  \(status)\(quoteNumber.map { "  from quote \($0)" } ?? "")")
        if let deskNote { out.append("Desk note: \(deskNote)") }
        if let replaces { out.append("Replaces: \(replaces)") }
        if let replacedBy { out.append("Replaced by: \(replacedBy)") }
        out.append("Customer: \(customer ?? "-")")
        out.append("Contact: \(contact ?? "-")")
        out.append("Ship to: \(shipTo ?? "-")")
        out.append("Bill to: \(billTo ?? "-")")
        out.append("Rep: \(rep ?? "-")   Opportunity: \(opportunity ?? "-")")
        out.append("Ordered: \(orderedOn ?? "-")   Delivery requested: \(requestedDelivery ?? "-")   Currency: \(currency ?? "-")")
        out.append("")
        for (index, line) in lines.enumerated() {
            out.append("\(index + 1). \(line.sku)  \(line.product)  × \(line.quantity)")
            out.append("     base price \(line.productPrice.leftPadded(12))")
            for option in line.options {
                out.append("     + \(option.name) (\(option.code))".rightPadded(40) + option.price.leftPadded(12))
            }
            out.append("     unit price \(line.unitPrice) × \(line.quantity)" + (line.tierDiscount == "0.00" || line.tierDiscount == "0" ? "" : ", volume tier −\(line.tierDiscount)"))
            out.append("     line total".rightPadded(40) + line.total.leftPadded(12))
        }
        out.append("")
        out.append("Subtotal".rightPadded(45) + money(subtotal).leftPadded(16))
        if let percentageDiscount, percentageDiscount != "0.00", percentageDiscount != "0" {
            out.append("Discount \(discountPercent ?? "") %".rightPadded(45) + ("−" + money(percentageDiscount)).leftPadded(16))
        }
        if let amountDiscount, amountDiscount != "0.00", amountDiscount != "0" {
            out.append("Discount (amount)".rightPadded(45) + ("−" + money(amountDiscount)).leftPadded(16))
        }
        out.append("Total".rightPadded(45) + money(total).leftPadded(16))
        return out.joined(separator: "\n")
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
    func rightPadded(_ width: Int) -> String { self + String(repeating: " ", count: max(0, width - count)) }
}
