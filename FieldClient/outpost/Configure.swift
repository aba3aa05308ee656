import ArgumentParser
import FieldClient
import Foundation
import OutpostModel
import Pricing
import TerminalOutput

/// `outpost configure --product ID --select OPTION … [--deselect OPTION …]`.
struct Configure: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Configure a product offline: every option's state, price and why, every choice still needed, and the price.",
        discussion: """
            Options are named by id, code or name. Each option ends selected, forced (the rules require it), excluded (with the rules and choices that exclude it) or open. Every choice the rules still need is named at once, as a suggestion that completes the configuration cheapest first (by option price); --complete cheapest applies it. The table shows the chosen, forced and open options with their prices and the running total (--all adds the excluded ones). An impossible request names the fewest choices to undo. --json prints {valid, complete, price, options: [{id, name, state, reasons}], needed: [{id, code, name, price}]}.

            Examples:
              outpost configure --product PC-RICHMOND --select i7-7700k-kaby-lake
              outpost configure --product PC-RICHMOND --select i7-7700k-kaby-lake \\
                --complete cheapest --why
            """
    )
    @OptionGroup var options: ReplicaOptions
    @OptionGroup var output: JSONOption
    @Option(help: "The product's SKU, id or name.") var product: String
    @Option(help: "An option to include (repeat the flag).") var select: [String] = []
    @Option(help: "An option to rule out (repeat the flag).") var deselect: [String] = []
    @Option(help: "The price book's name or id (default: the one in the product's currency).") var priceBook: String?
    @Option(help: "cheapest: add every choice still needed, cheapest first by option price.") var complete: Completion?
    @Flag(help: "List every option, excluded ones too.") var all = false
    @Flag(help: "Print the forced and excluded options with their full reasons instead of the table.") var why = false

    /// How `--complete` fills the choices still needed.
    enum Completion: String, ExpressibleByArgument, CaseIterable { case cheapest }

    /// The JSON of `outpost configure`: the outcome and the choices still needed.
    struct Answer: Encodable {
        struct Needed: Encodable { let id, code, name, price: String }
        let outcome: ConfigurationOutcome
        let needed: [Needed]

        enum CodingKeys: String, CodingKey { case needed }

        func encode(to encoder: any Encoder) throws {
            try outcome.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(needed, forKey: .needed)
        }
    }

    func run() throws {
        let configurator = try options.open().configurator(named: product)
        let (catalog, product) = (configurator.catalog, configurator.product)
        let book = try catalog.priceBook(priceBook, for: product)
        let chosen = try complete == nil ? select : select + configurator.suggestion(select: select, deselect: deselect).needed.map(\.code)
        let (outcome, needed) = try configurator.configureWithNeeds(select: chosen, deselect: deselect, priceBook: book)
        if output.json {
            return try Output.json(Answer(outcome: outcome, needed: needed.map {
                Answer.Needed(id: $0.id.description, code: $0.code, name: $0.name, price: $0.price.decimalString)
            }))
        }
        if let conflict = outcome.conflict { throw ReplicaError(.invalid, conflict) }
        let price = outcome.price.map { "\($0.amount) \($0.currency) (\($0.priceBook))" } ?? "no price"
        print("\(product.sku) \(product.name): \(outcome.complete ? "complete" : "valid, options open"), unit price \(price)")
        if why {
            for option in outcome.options where !option.reasons.isEmpty { print("\(option.code) (\(option.state.rawValue)): \(option.reasons.joined(separator: " "))") }
        } else {
            ConfigurationTable(catalog: catalog, product: product, book: book, outcome: outcome, all: all).print()
        }
        if !needed.isEmpty {
            let total = needed.map(\.price.minorUnits).reduce(0, +)
            print("Still to choose (\(needed.count)): " + needed.map { "\($0.code) (\($0.name), +\($0.price.decimalString))" }.joined(separator: ", "))
            print("Cheapest completion adds \(Money(minorUnits: total, currency: book.currency)); apply it with --complete cheapest, or choose alternatives.")
        }
    }
}

/// Cutting text to a column.
enum Text {
    /// `text` cut to `width` characters with an ellipsis.
    static func clip(_ text: String, _ width: Int) -> String {
        text.count <= width ? text : String(text.prefix(width - 1)) + "…"
    }
}
