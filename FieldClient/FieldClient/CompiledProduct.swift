import ByteCoding
import Configurator
import MergeEngine
import OutpostModel
import OutpostProtocol
import OutpostReplication

/// A product's rules compiled for configuring, as a replica keeps it sealed in
/// `configurator_root` for the signed bundle whose records it was compiled from: the
/// product's options, its rule model and what the rules alone force and exclude
/// (``ConfiguratorRoot``). `outpost configure` opens this one value instead of decoding
/// and checking every option record (``Replica/configurator(named:)``).
///
/// `02` · pricing digest (32 bytes) · currency count · each currency code · option count ·
/// per option: id (16 bytes) · code · name · price in minor units (zig-zag) · currency index ·
/// variable (0: none) · `00`, or `01` and the rule model: variable count · clause count · per
/// clause: literal count · each literal as zig-zag of its difference from the previous one
/// (from 0) · `00`, or `01` and the root. The earlier form, `01` and the root alone, is
/// compiled again.
struct CompiledProduct: Equatable {
    /// ``CatalogBundle/membersDigest(of:)`` of the product and the price books that price
    /// it, as compiled: the records `configure` still reads, checked against it.
    var pricingDigest: [UInt8]
    /// The product's options, in the catalog's order (``Catalog/options(of:)``).
    var options: [ProductOption]
    /// The product's rule model, if it has one.
    var model: ConfiguratorModel?
    /// What the rules alone force and exclude; `nil` without a model or when the rules
    /// alone clash.
    var root: [Explanation]?

    /// The pricing digest of `product` and those of `priceBooks` that price it.
    static func pricingDigest(of product: Product, priceBooks: [PriceBook]) -> [UInt8] {
        CatalogBundle.membersDigest(of: CatalogBundle.members(of: product, options: [], models: [], priceBooks: priceBooks))
    }

    /// The compiled form's bytes.
    func encode() -> [UInt8] {
        var writer = ByteWriter()
        writer.byte(Self.tag)
        writer.raw(pricingDigest)
        let currencies = Array(Set(options.map(\.price.currency.code))).sorted()
        let currencyIndex = Dictionary(uniqueKeysWithValues: currencies.enumerated().map { ($1, $0) })
        writer.varint(currencies.count)
        for code in currencies { writer.string(code) }
        writer.varint(options.count)
        for option in options {
            writer.raw(RecordID(option.id).bytes)
            writer.string(option.code)
            writer.string(option.name)
            writer.signed(option.price.minorUnits)
            writer.varint(currencyIndex[option.price.currency.code] ?? 0)
            writer.varint(option.variable ?? 0)
        }
        writer.byte(model == nil ? 0 : 1)
        if let model {
            writer.varint(model.variableCount)
            writer.varint(model.clauses.count)
            for clause in model.clauses {
                writer.varint(clause.count)
                var previous: Int64 = 0
                for literal in clause {
                    writer.signed(Int64(literal) - previous)
                    previous = Int64(literal)
                }
            }
        }
        writer.byte(root == nil ? 0 : 1)
        if let root { ConfiguratorRoot.write(root, to: &writer) }
        return writer.bytes
    }

    /// The compiled form of `product` that `bytes` hold, or `nil` for the earlier form
    /// (the root alone), which is compiled again.
    /// - Throws: ``ProtocolError`` when the bytes are not a compiled product.
    static func decode(_ bytes: [UInt8], product: ProductID) throws(ProtocolError) -> CompiledProduct? {
        var reader = ByteReader<ProtocolError>(bytes)
        switch try reader.byte() {
        case Self.tag: break
        case Self.rootAloneTag: return nil
        default: throw ProtocolError(.malformed, "not a compiled product")
        }
        let pricingDigest = try reader.raw(32)
        var currencies: [Currency] = []
        for _ in 0..<(try reader.count(of: "currencies")) {
            let code = try reader.string()
            do { currencies.append(try Currency(code: code)) } catch { throw ProtocolError(.malformed, "the currency \(code) is unknown") }
        }
        let optionCount = try reader.count(of: "options")
        guard optionCount == 0 || !currencies.isEmpty else { throw ProtocolError(.malformed, "options without a currency") }
        var options: [ProductOption] = []
        options.reserveCapacity(optionCount)
        for _ in 0..<optionCount {
            guard let id = try? RecordID(bytes: try reader.raw(16)) else { throw ProtocolError(.malformed, "an option id that is not 16 bytes") }
            let code = try reader.string()
            let name = try reader.string()
            let minorUnits = try reader.signed()
            let currency = try reader.count(max: currencies.count - 1, of: "a currency index")
            let variable = try reader.count(max: Int(Int32.max), of: "an option's variable")
            options.append(ProductOption(id: ProductOptionID(id), productID: product, code: code, name: name,
                                         price: Money(minorUnits: minorUnits, currency: currencies[currency]),
                                         variable: variable == 0 ? nil : variable))
        }
        var model: ConfiguratorModel?
        if try reader.byte() == 1 {
            let variableCount = try reader.count(max: Int(Int32.max), of: "the model's variables")
            var clauses: [[Int32]] = []
            let clauseCount = try reader.count(of: "clauses")
            clauses.reserveCapacity(clauseCount)
            for _ in 0..<clauseCount {
                var clause: [Int32] = []
                var previous: Int64 = 0
                for _ in 0..<(try reader.count(of: "a clause's literals")) {
                    previous &+= try reader.signed()
                    guard let literal = Int32(exactly: previous) else { throw ProtocolError(.malformed, "a literal beyond 32 bits") }
                    clause.append(literal)
                }
                clauses.append(clause)
            }
            model = ConfiguratorModel(productID: product, variableCount: variableCount, clauses: clauses)
        }
        let root = try reader.byte() == 1 ? try ConfiguratorRoot.read(&reader) : nil
        try reader.expectEnd(of: "a compiled product")
        return CompiledProduct(pricingDigest: pricingDigest, options: options, model: model, root: root)
    }

    private static let tag: UInt8 = 2
    private static let rootAloneTag: UInt8 = 1
}
