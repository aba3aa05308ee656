internal import Foundation
import OutpostModel

extension TextForm where Value == [OrderLine] {
    /// A JSON array on one line, keys sorted, amounts as decimal text in the record's
    /// currency: `[{"options":[{"code":"wifi","name":"Wi-Fi","price":"30.00"}],…}]`.
    /// Names are free text, so JSON's quoting keeps the form lossless.
    static var orderLines: TextForm {
        TextForm(hint: "a JSON array of lines", readsEmpty: true, format: { lines in
            guard !lines.isEmpty else { return "" }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let data = (try? encoder.encode(lines.map(LineText.init))) ?? Data()
            return String(decoding: data, as: UTF8.self)
        }) { text, context throws(FieldProblem) in
            guard !text.isEmpty else { return [] }
            let decoded: [LineText]
            do { decoded = try JSONDecoder().decode([LineText].self, from: Data(text.utf8)) } catch {
                throw .invalid("must be a JSON array of order lines (\(error))")
            }
            var lines: [OrderLine] = []
            for line in decoded { lines.append(try line.line(context)) }
            return lines
        }
    }
}

/// One order line as the text form writes it.
private struct LineText: Codable {
    struct OptionText: Codable {
        let code, name, price: String
    }

    let product, sku, name, productPrice: String
    let options: [OptionText]
    let quantity: Int
    let unitPrice, tierDiscount, total: String

    enum CodingKeys: String, CodingKey {
        case product, sku, name, options, quantity, total
        case productPrice = "product_price", unitPrice = "unit_price", tierDiscount = "tier_discount"
    }

    init(_ line: OrderLine) {
        product = line.productID.description
        sku = line.sku
        name = line.productName
        productPrice = line.productPrice.decimalString
        options = line.options.map { OptionText(code: $0.code, name: $0.name, price: $0.price.decimalString) }
        quantity = line.quantity
        unitPrice = line.unitPrice.decimalString
        tierDiscount = line.tierDiscount.decimalString
        total = line.total.decimalString
    }

    func line(_ context: DecodingContext) throws(FieldProblem) -> OrderLine {
        let money = TextForm<Money>.money
        var parsedOptions: [OrderLine.Option] = []
        for option in options {
            parsedOptions.append(OrderLine.Option(code: option.code, name: option.name, price: try money.parse(option.price, context)))
        }
        return OrderLine(productID: try TextForm<ProductID>.reference().parse(product, context), sku: sku, productName: name,
                         productPrice: try money.parse(productPrice, context), options: parsedOptions, quantity: quantity,
                         unitPrice: try money.parse(unitPrice, context), tierDiscount: try money.parse(tierDiscount, context),
                         total: try money.parse(total, context))
    }
}
