import FieldClient
import OutpostModel
import TerminalOutput

/// The option table of `outpost configure`: each shown option's code, name, price,
/// state and reason, and the running total of the configuration (base price plus the
/// chosen and forced options, in the order listed).
struct ConfigurationTable {
    let catalog: Catalog
    let product: Product
    let book: PriceBook
    let outcome: ConfigurationOutcome
    /// Show excluded options too.
    let all: Bool

    /// Prints the table and, when options are hidden, how to see them.
    func print() {
        let options = Dictionary(catalog.options.map { ($0.id.description, $0) }, uniquingKeysWith: { first, _ in first })
        var running = book.entries[product.id]?.minorUnits ?? product.basePrice.minorUnits
        var rows: [[String]] = [["(base)", product.name, Money(minorUnits: running, currency: book.currency).decimalString, "", "",
                                 Money(minorUnits: running, currency: book.currency).decimalString]]
        for option in outcome.options where all || option.state != .excluded {
            let price = options[option.id]?.price
            let counts = option.state == .selected || option.state == .forced
            if counts { running += price?.minorUnits ?? 0 }
            rows.append([Text.clip(option.code, 22), Text.clip(option.name, 26), price?.decimalString ?? "", option.state.rawValue,
                         Text.clip(option.reasons.joined(separator: " "), 30),
                         counts ? Money(minorUnits: running, currency: book.currency).decimalString : ""])
        }
        let hidden = outcome.options.filter { $0.state == .excluded }.count
        Output.table(["OPTION", "NAME", "PRICE", "STATE", "WHY", "RUNNING"], rows, maxCellWidth: 30)
        if !all && hidden > 0 { Swift.print("\(hidden) excluded options hidden; --all lists them with their reasons.") }
    }
}
