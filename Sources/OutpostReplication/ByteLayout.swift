import ByteCoding
import MergeEngine
import OutpostModel

/// How a nested value is laid out as bytes. `Protocol/RECORDS.md` documents each
/// layout byte by byte; change neither without the other.
struct ByteLayout<Value>: Sendable {
    /// How people read and type the value (see `TextForm+Lists.swift`).
    let text: TextForm<Value>
    let write: @Sendable (Value, inout ByteWriter) -> Void
    let read: @Sendable (inout ByteReader<FieldProblem>, DecodingContext) throws(FieldProblem) -> Value
}

extension ByteLayout {
    /// `count`, then `count` 16-byte ids, in order.
    static func ids<Entity>() -> ByteLayout where Value == [EntityID<Entity>] {
        ByteLayout(text: .idList(), write: { ids, writer in
            writer.list(ids) { id, writer in writer.id(id) }
        }, read: { reader, _ throws(FieldProblem) in
            try reader.list { reader throws(FieldProblem) in try reader.id() }
        })
    }
}

extension ByteLayout {
    /// `count`, then per entry in `ascending` key order what `write` writes of the key
    /// and its element; each key may stand once.
    /// - Parameter twice: The end of the problem with a key that stands twice, after
    ///   "lists ": `product 3f2b… twice; each product has one price`.
    static func entries<Key: Hashable & Sendable, Element: Sendable>(
        text: TextForm<Value>, ascending: @escaping @Sendable (Key, Key) -> Bool,
        write: @escaping @Sendable (Key, Element, inout ByteWriter) -> Void,
        read: @escaping @Sendable (inout ByteReader<FieldProblem>, DecodingContext) throws(FieldProblem) -> (Key, Element),
        twice: @escaping @Sendable (Key) -> String
    ) -> ByteLayout where Value == [Key: Element] {
        ByteLayout(text: text, write: { entries, writer in
            writer.varint(entries.count)
            for (key, element) in entries.sorted(by: { ascending($0.key, $1.key) }) { write(key, element, &writer) }
        }, read: { reader, context throws(FieldProblem) in
            var entries: [Key: Element] = [:]
            for _ in 0..<(try reader.count(of: "an element count")) {
                let (key, element) = try read(&reader, context)
                guard entries.updateValue(element, forKey: key) == nil else { throw .invalid("lists " + twice(key)) }
            }
            return entries
        })
    }
}

extension ByteLayout where Value == [ProductID: Money] {
    /// `count`, then per entry in ascending product-id order: the 16-byte product id
    /// and the price in minor units (zig-zag); the currency is the record's.
    static var priceEntries: ByteLayout {
        .entries(text: .priceEntries, ascending: { RecordID($0) < RecordID($1) }, write: { product, price, writer in
            writer.id(product)
            writer.signed(price.minorUnits)
        }, read: { reader, context throws(FieldProblem) in
            let product: ProductID = try reader.id()
            return (product, Money(minorUnits: try reader.signed(), currency: try context.requireCurrency()))
        }, twice: { "product \($0) twice; each product has one price" })
    }
}

extension ByteLayout where Value == [QuoteLine] {
    /// `line count`, then per line: the 16-byte product id, `option count` and each
    /// 16-byte option id, the quantity (zig-zag) and the unit price in minor units
    /// (zig-zag); the currency is the record's.
    static var quoteLines: ByteLayout {
        ByteLayout(text: .quoteLines, write: { lines, writer in
            writer.list(lines) { line, writer in
                writer.id(line.productID)
                ByteLayout<[ProductOptionID]>.ids().write(line.selectedOptionIDs, &writer)
                writer.signed(Int64(line.quantity))
                writer.signed(line.unitPrice.minorUnits)
            }
        }, read: { reader, context throws(FieldProblem) in
            try reader.list { reader throws(FieldProblem) in
                let product: ProductID = try reader.id()
                let options = try ByteLayout<[ProductOptionID]>.ids().read(&reader, context)
                let quantity = try reader.signed()
                let price = Money(minorUnits: try reader.signed(), currency: try context.requireCurrency())
                return QuoteLine(productID: product, selectedOptionIDs: options, quantity: Int(quantity), unitPrice: price)
            }
        })
    }
}

extension ByteLayout where Value == [ForecastCategory: Money] {
    /// `count`, then per entry in ascending category-name order: the category's
    /// snake_case name as length-prefixed UTF-8 and the amount in minor units
    /// (zig-zag); the currency is the record's.
    static var forecastAmounts: ByteLayout {
        .entries(text: .forecastAmounts, ascending: { $0.rawValue < $1.rawValue }, write: { category, amount, writer in
            writer.string(category.rawValue)
            writer.signed(amount.minorUnits)
        }, read: { reader, context throws(FieldProblem) in
            let name = try reader.string()
            guard let category = ForecastCategory(rawValue: name) else {
                let valid = ForecastCategory.allCases.map(\.rawValue).joined(separator: ", ")
                throw .invalid("names category \"\(name)\"; valid categories are \(valid)")
            }
            return (category, Money(minorUnits: try reader.signed(), currency: try context.requireCurrency()))
        }, twice: { "category \($0.rawValue) twice; each category has one amount" })
    }
}

extension ByteLayout where Value == [ProductID: VolumeSchedule] {
    /// `count`, then per entry in ascending product-id order: the 16-byte product id,
    /// the tier kind's name as length-prefixed UTF-8 (`range`, `slab`), `tier count`
    /// and per tier its first quantity and its discount in basis points (both zig-zag).
    static var volumeTiers: ByteLayout {
        .entries(text: .volumeTiers, ascending: { RecordID($0) < RecordID($1) }, write: { product, schedule, writer in
            writer.id(product)
            writer.string(schedule.kind.rawValue)
            writer.list(schedule.tiers) { tier, writer in
                writer.signed(Int64(tier.fromQuantity))
                writer.signed(Int64(tier.discountBasisPoints))
            }
        }, read: { reader, _ throws(FieldProblem) in
            let product: ProductID = try reader.id()
            let name = try reader.string()
            guard let kind = TierKind(rawValue: name) else {
                throw .invalid("names tier kind \"\(name)\"; valid kinds are range, slab")
            }
            let tiers = try reader.list { reader throws(FieldProblem) in
                let from = try reader.signed(), discount = try reader.signed()
                guard let from = Int(exactly: from), let discount = Int(exactly: discount) else {
                    throw .invalid("holds a tier that does not fit this platform's integers")
                }
                return VolumeTier(fromQuantity: from, discountBasisPoints: discount)
            }
            return (product, VolumeSchedule(kind: kind, tiers: tiers))
        }, twice: { "product \($0) twice; each product has one tier schedule" })
    }
}
