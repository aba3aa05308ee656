import MergeEngine
import OutpostModel

// The text forms of the byte-encoded arrays: short, lossless, one line. Empty text
// is the empty list.

extension TextForm {
    /// Ids separated by commas, in the list's order: `3f2b…,9a1c…`.
    static func idList<Entity>() -> TextForm where Value == [EntityID<Entity>] {
        let id = TextForm<EntityID<Entity>>.reference()
        return TextForm(hint: "UUIDs separated by commas", readsEmpty: true,
                        format: { $0.map(id.format).joined(separator: ",") }) { text, context throws(FieldProblem) in
            var ids: [EntityID<Entity>] = []
            for part in items(text, ",") { ids.append(try id.parse(part, context)) }
            return ids
        }
    }
}

extension TextForm where Value == [ProductID: Money] {
    /// `product=price` pairs in ascending product-id order, separated by `;`:
    /// `3f2b…=12.50;9a1c…=3.00`; the prices are in the record's currency.
    static var priceEntries: TextForm {
        .amounts(by: .reference(), ascending: { RecordID($0) < RecordID($1) }, example: "product-id=12.50",
                 each: ("product", "price"))
    }
}

extension TextForm where Value == [ForecastCategory: Money] {
    /// `category=amount` pairs in ascending category-name order, separated by `;`:
    /// `best_case=100.00;commit=40.00`; the amounts are in the record's currency.
    static var forecastAmounts: TextForm {
        .amounts(by: .enumeration(), ascending: { $0.rawValue < $1.rawValue }, example: "commit=40.00",
                 each: ("category", "amount"))
    }
}

extension TextForm {
    /// `key=amount` pairs in `ascending` key order, separated by `;`; the amounts are in
    /// the record's currency, and a key may stand once.
    /// - Parameters:
    ///   - key: The text form of a key.
    ///   - example: One pair, for the hint and for errors: `product-id=12.50`.
    ///   - each: What a key and its amount are called in an error: `("product", "price")`.
    static func amounts<Key: Hashable & Sendable>(
        by key: TextForm<Key>, ascending: @escaping @Sendable (Key, Key) -> Bool, example: String,
        each: (key: String, amount: String)
    ) -> TextForm where Value == [Key: Money] {
        TextForm(hint: "\(example);…", readsEmpty: true, format: { amounts in
            amounts.sorted { ascending($0.key, $1.key) }
                .map { "\(key.format($0.key))=\($0.value.decimalString)" }.joined(separator: ";")
        }) { text, context throws(FieldProblem) in
            var amounts: [Key: Money] = [:]
            for item in items(text, ";") {
                let (keyText, amount) = try pair(item, "=", example)
                let parsed = try key.parse(keyText, context)
                guard amounts.updateValue(try TextForm<Money>.money.parse(amount, context), forKey: parsed) == nil else {
                    throw .invalid("lists \(each.key) \(key.format(parsed)) twice; each \(each.key) has one \(each.amount)")
                }
            }
            return amounts
        }
    }
}

extension TextForm where Value == [[Int32]] {
    /// Each clause in parentheses, its literals separated by spaces: `(1 -2)(3)()`.
    static var clauses: TextForm {
        TextForm(hint: "clauses such as (1 -2)(3)", readsEmpty: true, format: { clauses in
            clauses.map { "(" + $0.map(String.init).joined(separator: " ") + ")" }.joined()
        }) { text, _ throws(FieldProblem) in
            guard !text.isEmpty else { return [] }
            guard text.hasPrefix("("), text.hasSuffix(")") else {
                throw .invalid("must be clauses in parentheses such as (1 -2)(3) (got \"\(text)\")")
            }
            var clauses: [[Int32]] = []
            for clause in text.dropFirst().dropLast().split(separator: ")(", omittingEmptySubsequences: false) {
                var literals: [Int32] = []
                for literal in items(String(clause), " ") {
                    guard let value = Int32(literal) else {
                        throw .invalid("holds \"\(literal)\", which is not a whole number of 32 bits; write clauses such as (1 -2)(3)")
                    }
                    literals.append(value)
                }
                clauses.append(literals)
            }
            return clauses
        }
    }
}

extension TextForm where Value == [QuoteLine] {
    /// Lines separated by `;`, each `QUANTITYxPRODUCT[+OPTION…]@UNIT_PRICE`:
    /// `3x3f2b…+9a1c…@10.00`; the prices are in the record's currency.
    static var quoteLines: TextForm {
        let example = "3xproduct-id+option-id@10.00"
        return TextForm(hint: "\(example);…", readsEmpty: true, format: { lines in
            lines.map { line in
                "\(line.quantity)x\(line.productID)" + line.selectedOptionIDs.map { "+\($0)" }.joined()
                    + "@\(line.unitPrice.decimalString)"
            }.joined(separator: ";")
        }) { text, context throws(FieldProblem) in
            var lines: [QuoteLine] = []
            for item in items(text, ";") {
                let (quantity, rest) = try pair(item, "x", example)
                let (products, price) = try pair(rest, "@", example)
                let ids = products.split(separator: "+", omittingEmptySubsequences: false).map(String.init)
                let product = try TextForm<ProductID>.reference().parse(ids[0], context)
                var options: [ProductOptionID] = []
                for option in ids.dropFirst() { options.append(try TextForm<ProductOptionID>.reference().parse(option, context)) }
                lines.append(QuoteLine(productID: product, selectedOptionIDs: options,
                                       quantity: try TextForm<Int>.int.parse(quantity, context),
                                       unitPrice: try TextForm<Money>.money.parse(price, context)))
            }
            return lines
        }
    }
}

extension TextForm where Value == [ProductID: VolumeSchedule] {
    /// Per product in ascending product-id order, separated by `;`:
    /// `PRODUCT=KIND:FROM@BASIS_POINTS,…`, e.g. `3f2b…=slab:1@0,10@500`.
    static var volumeTiers: TextForm {
        let example = "product-id=slab:1@0,10@500"
        return TextForm(hint: "\(example);…", readsEmpty: true, format: { schedules in
            schedules.sorted { RecordID($0.key) < RecordID($1.key) }.map { product, schedule in
                "\(product)=\(schedule.kind.rawValue):"
                    + schedule.tiers.map { "\($0.fromQuantity)@\($0.discountBasisPoints)" }.joined(separator: ",")
            }.joined(separator: ";")
        }) { text, context throws(FieldProblem) in
            var schedules: [ProductID: VolumeSchedule] = [:]
            for item in items(text, ";") {
                let (key, rest) = try pair(item, "=", example)
                let (kindName, tierText) = try pair(rest, ":", example)
                let product = try TextForm<ProductID>.reference().parse(key, context)
                let kind = try TextForm<TierKind>.enumeration().parse(kindName, context)
                var tiers: [VolumeTier] = []
                for tier in items(tierText, ",") {
                    let (from, discount) = try pair(tier, "@", example)
                    tiers.append(VolumeTier(fromQuantity: try TextForm<Int>.int.parse(from, context),
                                            discountBasisPoints: try TextForm<Int>.int.parse(discount, context)))
                }
                guard schedules.updateValue(VolumeSchedule(kind: kind, tiers: tiers), forKey: product) == nil else {
                    throw .invalid("lists product \(product) twice; each product has one tier schedule")
                }
            }
            return schedules
        }
    }
}

/// The items of a list written with `separator`; empty text has none.
private func items(_ text: String, _ separator: Character) -> [String] {
    text.isEmpty ? [] : text.split(separator: separator, omittingEmptySubsequences: false).map(String.init)
}

/// `item` split at its first `separator`, or an error showing `example`.
private func pair(_ item: String, _ separator: Character, _ example: String) throws(FieldProblem) -> (String, String) {
    guard let index = item.firstIndex(of: separator) else {
        throw .invalid("has \"\(item)\" where an entry such as \(example) belongs")
    }
    return (String(item[..<index]), String(item[item.index(after: index)...]))
}
