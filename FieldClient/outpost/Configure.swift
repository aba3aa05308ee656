import ArgumentParser
import FieldClient
import OutpostModel
import Pricing
import TerminalOutput

/// `outpost configure --product ID --select OPTION … [--deselect OPTION …]`.
struct Configure: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Configure a product offline: every option's state, why, and the price.",
        discussion: """
            Options are named by id, code or name. Each option ends selected, forced (the rules require it), excluded (with the rules and choices that exclude it) or open. An impossible request names the fewest choices to undo. --json prints {valid, complete, price, options: [{id, name, state, reasons}]}.

            Example:
              outpost configure --product PC-RICHMOND --select i7-7700k-kaby-lake --why
            """
    )
    @OptionGroup var options: ReplicaOptions
    @OptionGroup var output: JSONOption
    @Option(help: "The product's SKU, id or name.") var product: String
    @Option(help: "An option to include (repeat the flag).") var select: [String] = []
    @Option(help: "An option to rule out (repeat the flag).") var deselect: [String] = []
    @Option(help: "The price book's name or id (default: the one in the product's currency).") var priceBook: String?
    @Flag(help: "Print the forced and excluded options with their full reasons instead of the table.") var why = false

    func run() throws {
        let catalog = try options.open().catalog()
        let product = try catalog.product(product)
        let book = try catalog.priceBook(priceBook, for: product)
        let outcome = try ProductConfigurator(catalog: catalog, product: product)
            .configure(select: select, deselect: deselect, priceBook: book)
        if output.json { return try Output.json(outcome) }
        if let conflict = outcome.conflict { throw ReplicaError(.invalid, conflict) }
        let price = outcome.price.map { "\($0.amount) \($0.currency) (\($0.priceBook))" } ?? "no price"
        print("\(product.sku): \(outcome.complete ? "complete" : "valid, options open"), unit price \(price)")
        if why {
            for option in outcome.options where !option.reasons.isEmpty { print("\(option.code) (\(option.state.rawValue)): \(option.reasons.joined(separator: " "))") }
            return
        }
        Output.table(["OPTION", "STATE", "WHY"], outcome.options.map { [Text.clip($0.code, 24), $0.state.rawValue, $0.reasons.joined(separator: " ")] },
                     maxCellWidth: 44)
    }
}

/// Cutting text to a column.
enum Text {
    /// `text` cut to `width` characters with an ellipsis.
    static func clip(_ text: String, _ width: Int) -> String {
        text.count <= width ? text : String(text.prefix(width - 1)) + "…"
    }
}
