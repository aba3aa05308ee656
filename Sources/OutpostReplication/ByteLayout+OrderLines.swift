import MergeEngine
import OutpostModel

extension ByteLayout where Value == [OrderLine] {
    /// `line count`, then per line: the 16-byte product id, the SKU and the product's
    /// name (`text`), the product price, `option count` and per option its code, name
    /// (`text`) and price, then the quantity, unit price, tier discount and line total;
    /// amounts in minor units (zig-zag), in the record's currency.
    static var orderLines: ByteLayout {
        ByteLayout(text: .orderLines, write: { lines, writer in
            writer.count(lines.count)
            for line in lines {
                writer.id(line.productID)
                writer.text(line.sku)
                writer.text(line.productName)
                writer.signed(line.productPrice.minorUnits)
                writer.count(line.options.count)
                for option in line.options {
                    writer.text(option.code)
                    writer.text(option.name)
                    writer.signed(option.price.minorUnits)
                }
                writer.signed(Int64(line.quantity))
                writer.signed(line.unitPrice.minorUnits)
                writer.signed(line.tierDiscount.minorUnits)
                writer.signed(line.total.minorUnits)
            }
        }, read: { reader, context throws(FieldProblem) in
            var lines: [OrderLine] = []
            for _ in 0..<(try reader.count()) {
                let product: ProductID = try reader.id()
                let sku = try reader.text(), name = try reader.text()
                let currency = try context.requireCurrency()
                let productPrice = Money(minorUnits: try reader.signed(), currency: currency)
                var options: [OrderLine.Option] = []
                for _ in 0..<(try reader.count()) {
                    let code = try reader.text(), optionName = try reader.text()
                    options.append(OrderLine.Option(code: code, name: optionName,
                                                    price: Money(minorUnits: try reader.signed(), currency: currency)))
                }
                guard let quantity = Int(exactly: try reader.signed()) else {
                    throw .invalid("holds a quantity that does not fit this platform's integers")
                }
                let unit = try reader.signed(), tier = try reader.signed(), total = try reader.signed()
                lines.append(OrderLine(productID: product, sku: sku, productName: name, productPrice: productPrice,
                                       options: options, quantity: quantity,
                                       unitPrice: Money(minorUnits: unit, currency: currency),
                                       tierDiscount: Money(minorUnits: tier, currency: currency),
                                       total: Money(minorUnits: total, currency: currency)))
            }
            return lines
        })
    }
}
