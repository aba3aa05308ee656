public import OutpostModel
public import Pricing

/// The names an order carries for the order desk, taken from the records the rep
/// works with (the desk holds orders only).
public struct OrderParties: Sendable, Hashable {
    /// The customer account's name.
    public var customer: String?
    /// The account's address as one line, used where the rep gave no ship-to or bill-to.
    public var address: String?
    /// The contact's name and e-mail address.
    public var contact: String?
    /// The rep who owns the opportunity.
    public var rep: String?
    /// The opportunity's name.
    public var opportunity: String?

    public init(customer: String? = nil, address: String? = nil, contact: String? = nil, rep: String? = nil,
                opportunity: String? = nil) {
        self.customer = customer
        self.address = address
        self.contact = contact
        self.rep = rep
        self.opportunity = opportunity
    }

    /// The parties of an order on `opportunity` at `account`, with `contact` and `owner`.
    public init(account: Account?, opportunity: Opportunity?, contact: Contact?, owner: User?) {
        customer = account?.name
        address = account.map { account in
            [account.name, account.city, account.country].compactMap { $0 }.joined(separator: ", ")
        }
        self.contact = contact.map { contact in
            "\(contact.firstName) \(contact.lastName)" + (contact.email.map { " <\($0)>" } ?? "")
        }
        rep = owner?.displayName
        self.opportunity = opportunity?.name
    }
}

/// The readable side of an order: its priced lines by SKU and name with every option,
/// the discounts and the names of the parties, so that the lines add up to the total
/// to the cent. The server fills it on intake from its own records and pricing; a rep's
/// device fills the same sheet to show an order the server has not taken in yet.
public enum OrderSheet {
    /// `order` with the sheet of `quote` as `priced` filled in (number untouched).
    /// - Parameters:
    ///   - products: The catalog's products by id (SKU and name).
    ///   - options: The catalog's options by id (code, name, price).
    public static func fill(_ order: Order, quote: Quote, priced: PricedQuote, products: [ProductID: Product],
                            options: [ProductOptionID: ProductOption], parties: OrderParties) -> Order {
        var filled = order
        filled.lines = lines(priced, products: products, options: options)
        filled.subtotal = priced.subtotal
        filled.discountBasisPoints = quote.discountBasisPoints
        filled.percentageDiscount = priced.percentageDiscount
        filled.amountDiscount = priced.amountDiscount
        filled.total = priced.total
        filled.customer = parties.customer
        filled.contact = parties.contact
        filled.rep = parties.rep
        filled.opportunity = parties.opportunity
        filled.quoteNumber = quote.number == nil ? nil : quote.label
        if filled.shipTo == nil { filled.shipTo = parties.address }
        if filled.billTo == nil { filled.billTo = filled.shipTo }
        return filled
    }

    /// The priced lines with SKUs, names and option prices.
    public static func lines(_ priced: PricedQuote, products: [ProductID: Product],
                             options: [ProductOptionID: ProductOption]) -> [OrderLine] {
        priced.lines.map { line in
            let product = products[line.request.productID]
            let chosen = line.request.optionIDs.compactMap { options[$0] }
            return OrderLine(
                productID: line.request.productID, sku: product?.sku ?? line.request.productID.description,
                productName: product?.name ?? "", productPrice: line.productPrice,
                options: chosen.map { OrderLine.Option(code: $0.code, name: $0.name, price: $0.price) },
                quantity: line.request.quantity, unitPrice: line.unitPrice,
                tierDiscount: Money(minorUnits: line.listTotal.minorUnits - line.total.minorUnits, currency: line.total.currency),
                total: line.total)
        }
    }
}
