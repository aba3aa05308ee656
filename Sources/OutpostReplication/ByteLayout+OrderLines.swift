import ByteCoding
import MergeEngine
import OutpostModel

extension ByteLayout where Value == [OrderLine] {
    /// `line count`, then per line: the 16-byte product id, the SKU and the product's
    /// name (`text`), the product price, `option count` and per option its code, name
    /// (`text`) and price, then the quantity, unit price, tier discount and line total;
    /// amounts in minor units (zig-zag), in the record's currency.
    static var orderLines: ByteLayout {
        ByteLayout(text: .orderLines, write: { lines, writer in
            writer.list(lines) { line, writer in
                writer.id(line.productID)
                writer.string(line.sku)
                writer.string(line.productName)
                writer.signed(line.productPrice.minorUnits)
                writer.list(line.options) { option, writer in
                    writer.string(option.code)
                    writer.string(option.name)
                    writer.signed(option.price.minorUnits)
                }
                writer.signed(Int64(line.quantity))
                writer.signed(line.unitPrice.minorUnits)
                writer.signed(line.tierDiscount.minorUnits)
                writer.signed(line.total.minorUnits)
            }
        }, read: { reader, context throws(FieldProblem) in
            try reader.list { reader throws(FieldProblem) in
                let product: ProductID = try reader.id()
                let sku = try reader.string(), name = try reader.string()
                let currency = try context.requireCurrency()
                let productPrice = Money(minorUnits: try reader.signed(), currency: currency)
                let options = try reader.list { reader throws(FieldProblem) in
                    let code = try reader.string(), optionName = try reader.string()
                    return OrderLine.Option(code: code, name: optionName,
                                            price: Money(minorUnits: try reader.signed(), currency: currency))
                }
                guard let quantity = Int(exactly: try reader.signed()) else {
                    throw .invalid("holds a quantity that does not fit this platform's integers")
                }
                let unit = try reader.signed(), tier = try reader.signed(), total = try reader.signed()
                return OrderLine(productID: product, sku: sku, productName: name, productPrice: productPrice,
                                 options: options, quantity: quantity,
                                 unitPrice: Money(minorUnits: unit, currency: currency),
                                 tierDiscount: Money(minorUnits: tier, currency: currency),
                                 total: Money(minorUnits: total, currency: currency))
            }
        })
    }
}
