public import OutpostModel

/// A quote as the customer receives it: who offers what to whom, every line with its
/// options and prices, the discounts, the total, how long the offer holds, and the
/// terms. Rendered offline as standalone HTML (``html``) or plain text (``text``).
public struct QuoteDocument: Sendable, Equatable {
    /// The selling company's name, at the head of the document.
    public var company: String
    /// The quote's number (`Q-000123-2`) or `provisional`.
    public var number: String
    /// The quote's id, for reference.
    public var quoteID: String
    /// The day the document was issued.
    public var issued: CalendarDay
    /// The last day the offer holds.
    public var validUntil: CalendarDay?
    /// The customer account's name and address line, the contact and the rep.
    public var customer: String
    public var address: String?
    public var contact: String?
    public var rep: String?
    /// The opportunity's name, as the subject.
    public var subject: String?
    public var status: QuoteStatus
    public var currency: Currency
    /// The priced lines, with SKUs, names and every option's price.
    public var lines: [OrderLine]
    public var subtotal: Money
    public var discountBasisPoints: Int
    public var percentageDiscount: Money
    public var amountDiscount: Money
    public var total: Money
    /// The terms printed at the foot, one paragraph each.
    public var terms: [String]

    /// The terms printed when the company gives none.
    public static let standardTerms = [
        "Prices are in the currency shown, excluding VAT, and hold until the validity date.",
        "Delivery within 15 working days of the order's acceptance unless agreed otherwise; payment 30 days net from the invoice date.",
        "This offer becomes a contract only when the order is confirmed in writing.",
    ]

    /// Whether any line has a volume-tier discount.
    public var hasTierDiscounts: Bool { lines.contains { $0.tierDiscount.minorUnits != 0 } }

    /// `12.50 %` for basis points 1250.
    static func percent(_ basisPoints: Int) -> String {
        let fraction = basisPoints % 100
        return "\(basisPoints / 100).\(fraction < 10 ? "0" : "")\(fraction) %"
    }

    /// The document as plain text (for a mail or a terminal).
    public var text: String {
        let width = 72
        let right = { (label: String, amount: Money) in
            let value = "\(amount.decimalString) \(amount.currency.code)"
            return label + String(repeating: " ", count: max(1, width - label.count - value.count)) + value
        }
        var out = [company, String(repeating: "=", count: company.count), "",
                   "QUOTE \(number)    issued \(issued)" + (validUntil.map { "    valid until \($0)" } ?? ""), ""]
        out.append("To: \(customer)")
        if let address { out.append("    \(address)") }
        if let contact { out.append("Attn: \(contact)") }
        if let subject { out.append("Re: \(subject)") }
        if let rep { out.append("Your contact at \(company): \(rep)") }
        out.append("")
        for (index, line) in lines.enumerated() {
            out.append("\(index + 1). \(line.productName) (\(line.sku))  × \(line.quantity)")
            out.append(right("     Base price", line.productPrice))
            for option in line.options { out.append(right("     + \(option.name)", option.price)) }
            out.append(right("     Unit price", line.unitPrice))
            if line.tierDiscount.minorUnits != 0 { out.append(right("     Volume discount", Money(minorUnits: -line.tierDiscount.minorUnits, currency: currency))) }
            out.append(right("     Line total (\(line.quantity) units)", line.total))
        }
        out.append(String(repeating: "-", count: width))
        out.append(right("Subtotal", subtotal))
        if percentageDiscount.minorUnits != 0 {
            out.append(right("Discount \(Self.percent(discountBasisPoints))", Money(minorUnits: -percentageDiscount.minorUnits, currency: currency)))
        }
        if amountDiscount.minorUnits != 0 { out.append(right("Special discount", Money(minorUnits: -amountDiscount.minorUnits, currency: currency))) }
        out.append(right("TOTAL", total))
        out.append("")
        out.append("Terms")
        out += terms.map { "- \($0)" }
        return out.joined(separator: "\n") + "\n"
    }
}
