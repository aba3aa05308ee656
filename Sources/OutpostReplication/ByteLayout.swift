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
            writer.varint(ids.count)
            for id in ids { writer.id(id) }
        }, read: { reader, _ throws(FieldProblem) in
            let count = try reader.count(of: "an element count")
            var ids: [EntityID<Entity>] = []
            for _ in 0..<count { ids.append(try reader.id()) }
            return ids
        })
    }
}

extension ByteLayout where Value == [ProductID: Money] {
    /// `count`, then per entry in ascending product-id order: the 16-byte product id
    /// and the price in minor units (zig-zag); the currency is the record's.
    static var priceEntries: ByteLayout {
        ByteLayout(text: .priceEntries, write: { entries, writer in
            writer.varint(entries.count)
            for (product, price) in entries.sorted(by: { RecordID($0.key) < RecordID($1.key) }) {
                writer.id(product)
                writer.signed(price.minorUnits)
            }
        }, read: { reader, context throws(FieldProblem) in
            let count = try reader.count(of: "an element count")
            var entries: [ProductID: Money] = [:]
            for _ in 0..<count {
                let product: ProductID = try reader.id()
                let price = Money(minorUnits: try reader.signed(), currency: try context.requireCurrency())
                guard entries.updateValue(price, forKey: product) == nil else {
                    throw .invalid("lists product \(product) twice; each product has one price")
                }
            }
            return entries
        })
    }
}

extension ByteLayout where Value == [[Int32]] {
    /// `clause count`, then per clause: `literal count` and each literal (zig-zag).
    static var clauses: ByteLayout {
        ByteLayout(text: .clauses, write: { clauses, writer in
            writer.varint(clauses.count)
            for clause in clauses {
                writer.varint(clause.count)
                for literal in clause { writer.signed(Int64(literal)) }
            }
        }, read: { reader, _ throws(FieldProblem) in
            var clauses: [[Int32]] = []
            for _ in 0..<(try reader.count(of: "an element count")) {
                var clause: [Int32] = []
                for _ in 0..<(try reader.count(of: "an element count")) {
                    let literal = try reader.signed()
                    guard let value = Int32(exactly: literal) else {
                        throw .invalid("holds literal \(literal), which does not fit 32 bits")
                    }
                    clause.append(value)
                }
                clauses.append(clause)
            }
            return clauses
        })
    }
}

extension ByteLayout where Value == [QuoteLine] {
    /// `line count`, then per line: the 16-byte product id, `option count` and each
    /// 16-byte option id, the quantity (zig-zag) and the unit price in minor units
    /// (zig-zag); the currency is the record's.
    static var quoteLines: ByteLayout {
        ByteLayout(text: .quoteLines, write: { lines, writer in
            writer.varint(lines.count)
            for line in lines {
                writer.id(line.productID)
                ByteLayout<[ProductOptionID]>.ids().write(line.selectedOptionIDs, &writer)
                writer.signed(Int64(line.quantity))
                writer.signed(line.unitPrice.minorUnits)
            }
        }, read: { reader, context throws(FieldProblem) in
            var lines: [QuoteLine] = []
            for _ in 0..<(try reader.count(of: "an element count")) {
                let product: ProductID = try reader.id()
                let options = try ByteLayout<[ProductOptionID]>.ids().read(&reader, context)
                let quantity = try reader.signed()
                let price = Money(minorUnits: try reader.signed(), currency: try context.requireCurrency())
                lines.append(QuoteLine(productID: product, selectedOptionIDs: options, quantity: Int(quantity), unitPrice: price))
            }
            return lines
        })
    }
}

extension ByteLayout where Value == [ForecastCategory: Money] {
    /// `count`, then per entry in ascending category-name order: the category's
    /// snake_case name as length-prefixed UTF-8 and the amount in minor units
    /// (zig-zag); the currency is the record's.
    static var forecastAmounts: ByteLayout {
        ByteLayout(text: .forecastAmounts, write: { amounts, writer in
            writer.varint(amounts.count)
            for (category, amount) in amounts.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                writer.string(category.rawValue)
                writer.signed(amount.minorUnits)
            }
        }, read: { reader, context throws(FieldProblem) in
            var amounts: [ForecastCategory: Money] = [:]
            for _ in 0..<(try reader.count(of: "an element count")) {
                let name = try reader.string()
                guard let category = ForecastCategory(rawValue: name) else {
                    let valid = ForecastCategory.allCases.map(\.rawValue).joined(separator: ", ")
                    throw .invalid("names category \"\(name)\"; valid categories are \(valid)")
                }
                let amount = Money(minorUnits: try reader.signed(), currency: try context.requireCurrency())
                guard amounts.updateValue(amount, forKey: category) == nil else {
                    throw .invalid("lists category \(name) twice; each category has one amount")
                }
            }
            return amounts
        })
    }
}

extension ByteLayout where Value == [ProductID: VolumeSchedule] {
    /// `count`, then per entry in ascending product-id order: the 16-byte product id,
    /// the tier kind's name as length-prefixed UTF-8 (`range`, `slab`), `tier count`
    /// and per tier its first quantity and its discount in basis points (both zig-zag).
    static var volumeTiers: ByteLayout {
        ByteLayout(text: .volumeTiers, write: { schedules, writer in
            writer.varint(schedules.count)
            for (product, schedule) in schedules.sorted(by: { RecordID($0.key) < RecordID($1.key) }) {
                writer.id(product)
                writer.string(schedule.kind.rawValue)
                writer.varint(schedule.tiers.count)
                for tier in schedule.tiers {
                    writer.signed(Int64(tier.fromQuantity))
                    writer.signed(Int64(tier.discountBasisPoints))
                }
            }
        }, read: { reader, _ throws(FieldProblem) in
            var schedules: [ProductID: VolumeSchedule] = [:]
            for _ in 0..<(try reader.count(of: "an element count")) {
                let product: ProductID = try reader.id()
                let name = try reader.string()
                guard let kind = TierKind(rawValue: name) else {
                    throw .invalid("names tier kind \"\(name)\"; valid kinds are range, slab")
                }
                var tiers: [VolumeTier] = []
                for _ in 0..<(try reader.count(of: "an element count")) {
                    let from = try reader.signed(), discount = try reader.signed()
                    guard let from = Int(exactly: from), let discount = Int(exactly: discount) else {
                        throw .invalid("holds a tier that does not fit this platform's integers")
                    }
                    tiers.append(VolumeTier(fromQuantity: from, discountBasisPoints: discount))
                }
                guard schedules.updateValue(VolumeSchedule(kind: kind, tiers: tiers), forKey: product) == nil else {
                    throw .invalid("lists product \(product) twice; each product has one tier schedule")
                }
            }
            return schedules
        })
    }
}
