import ArgumentParser
import FieldClient
import OutpostModel
import Pricing
import TerminalOutput

/// `outpost quote new|configure|price|submit|approve|accept|show|list`.
struct QuoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quote",
        abstract: "Build, price and move quotes offline; every step syncs next time.",
        discussion: """
            A quote goes draft → submitted (discount over the price book's threshold: a manager approves) → approved → accepted; then outpost order place makes its order. Quotes are named by id or a unique prefix of at least 4 characters.

            Example:
              outpost quote new --opportunity 3f2b8c1e
              outpost quote configure 9a1c --product PC-RICHMOND --select gtx1050-ti -q 12
              outpost quote price 9a1c --discount 10
              outpost quote submit 9a1c
            """,
        subcommands: [New.self, Configure.self, Price.self, Submit.self, Approve.self, Accept.self, Show.self, List.self]
    )

    /// The replica, the output form and the quote a step works on.
    struct QuoteTarget: ParsableArguments {
        @OptionGroup var options: ReplicaOptions
        @OptionGroup var output: JSONOption
        @Argument(help: "The quote's id or a unique prefix of it.") var id: String
    }

    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Start a draft quote on an opportunity.",
            discussion: "Example:\n  outpost quote new --opportunity 3f2b8c1e")
        @OptionGroup var options: ReplicaOptions
        @OptionGroup var output: JSONOption
        @Option(help: "The opportunity's id or a unique prefix of it.") var opportunity: String

        func run() throws {
            let replica = try options.open()
            let quote = try replica.newQuote(opportunity: opportunity)
            try show(quote, replica: replica, json: output.json, note: "Created quote \(quote.id); it syncs next time.")
        }
    }

    struct Configure: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a configured product to a draft quote and re-price it.",
            discussion: """
                The choices must leave a valid configuration; options left open are not included, and an option the rules still need is named.

                Example:
                  outpost quote configure 9a1c --product PC-RICHMOND \\
                    --select i7-7700k-kaby-lake --deselect gt1030-msi-aero --quantity 12
                """)
        @OptionGroup var quote: QuoteTarget
        @Option(help: "The product's SKU, id or name.") var product: String
        @Option(help: "An option to include (repeat the flag).") var select: [String] = []
        @Option(help: "An option to rule out (repeat the flag).") var deselect: [String] = []
        @Option(name: [.customShort("q"), .long], help: "How many units.") var quantity = 1
        @Option(help: "The price book's name or id (default: the quote's, else the product's).") var priceBook: String?

        func run() throws {
            let replica = try self.quote.options.open()
            let (quote, priced) = try replica.configureQuote(self.quote.id, product: product, select: select, deselect: deselect,
                                                             quantity: quantity, priceBook: priceBook)
            try show(quote, priced, replica: replica, json: self.quote.output.json, note: "Added a line to quote \(quote.id).")
        }
    }

    struct Price: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Re-price a draft quote from its price book, optionally setting discounts.",
            discussion: "Example:\n  outpost quote price 9a1c --discount 12.5 --discount-amount 100.00")
        @OptionGroup var quote: QuoteTarget
        @Option(help: "A percentage discount such as 12.5 (at most two decimals).") var discount: String?
        @Option(help: "A fixed discount in the quote's currency, such as 100.00 (empty clears it).") var discountAmount: String?

        func run() throws {
            let replica = try self.quote.options.open()
            let basisPoints = try discount.map(Percentage.basisPoints(parsing:))
            let (quote, priced) = try replica.priceQuote(self.quote.id, discountBasisPoints: basisPoints, discountAmount: discountAmount)
            try show(quote, priced, replica: replica, json: self.quote.output.json, note: "Priced quote \(quote.id).")
        }
    }

    struct Submit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Submit a draft quote: approved at once, or awaiting a manager when its discount is over the threshold.",
            discussion: "Example:\n  outpost quote submit 9a1c")
        @OptionGroup var quote: QuoteTarget

        func run() throws {
            let replica = try self.quote.options.open()
            let (quote, priced) = try replica.submitQuote(self.quote.id)
            let note = quote.status == .submitted
                ? "Quote \(quote.id) awaits a manager's approval (discount over the price book's threshold)."
                : "Quote \(quote.id) is approved (discount within the threshold)."
            try show(quote, priced, replica: replica, json: self.quote.output.json, note: note)
        }
    }

    struct Approve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Approve a submitted quote's discount (managers only).",
            discussion: "Example:\n  outpost quote approve 9a1c")
        @OptionGroup var quote: QuoteTarget

        func run() throws {
            let replica = try self.quote.options.open()
            let quote = try replica.approveQuote(self.quote.id)
            try show(quote, replica: replica, json: self.quote.output.json, note: "Approved quote \(quote.id).")
        }
    }

    struct Accept: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record that the customer accepted an approved quote.",
            discussion: "Example:\n  outpost quote accept 9a1c")
        @OptionGroup var quote: QuoteTarget

        func run() throws {
            let replica = try self.quote.options.open()
            let quote = try replica.acceptQuote(self.quote.id)
            try show(quote, replica: replica, json: self.quote.output.json, note: "Quote \(quote.id) is accepted; outpost order place --quote \(quote.id) orders it.")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a quote: lines, prices, discount, status.",
            discussion: "Example:\n  outpost quote show 9a1c --json")
        @OptionGroup var quote: QuoteTarget

        func run() throws {
            let replica = try self.quote.options.open()
            try show(try replica.quote(self.quote.id), replica: replica, json: self.quote.output.json, note: nil)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the quotes this device holds.",
            discussion: "Example:\n  outpost quote list --json")
        @OptionGroup var options: ReplicaOptions
        @OptionGroup var output: JSONOption

        func run() throws {
            let replica = try options.open()
            let catalog = try replica.catalog()
            let views = try replica.quotes().map { QuoteView($0, priced: nil, catalog: catalog) }.sorted { $0.id < $1.id }
            if output.json { return try Output.json(views) }
            if views.isEmpty { return print("No quotes.") }
            Output.table(["QUOTE", "STATUS", "LINES", "TOTAL", "OPPORTUNITY"],
                         views.map { [$0.id, $0.status, "\($0.lines.count)", ($0.total ?? "-") + " " + ($0.currency ?? ""), String($0.opportunity.prefix(8))] })
        }
    }
}

/// Prints `quote` as JSON or for people, with a note on standard error.
private func show(_ quote: Quote, _ priced: PricedQuote? = nil, replica: Replica, json: Bool, note: String?) throws {
    let view = QuoteView(quote, priced: priced, catalog: try replica.catalog())
    if json { return try Output.json(view) }
    if let note { Output.status(note) }
    view.print()
}
