import ArgumentParser
import FieldClient
import Foundation
import OrderIntake
import OutpostModel
import Pricing
import TerminalOutput

/// `outpost quote new|configure|price|submit|approve|reject|accept|revise|copy|document|show|list`.
struct QuoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quote",
        abstract: "Build, price and move quotes offline; every step syncs next time.",
        discussion: """
            A quote goes draft → submitted (discount over the price book's threshold: a manager approves or rejects it with a reason) → approved → accepted; then outpost order place makes its order. The server numbers quotes (Q-000123; revisions Q-000123-2); until the next sync a new quote is provisional. A quote is valid for 30 days by default; an expired one cannot be accepted or ordered (revise it). Quotes are named by id or short id (the last 8 hex digits tables show; 4 or more digits from the start or the end of the id also do).

            Example:
              outpost quote new --opportunity 3f2b8c1e
              outpost quote configure 9a1c --product PC-RICHMOND --select gtx1050-ti -q 12
              outpost quote price 9a1c --discount 10
              outpost quote submit 9a1c
            """,
        subcommands: [New.self, Configure.self, Price.self, Submit.self, Approve.self, Reject.self, Accept.self, Revise.self,
                      Copy.self, Document.self, Show.self, List.self]
    )

    /// The replica, the output form and the quote a step works on.
    struct QuoteTarget: ParsableArguments {
        @OptionGroup var options: ReplicaOptions
        @OptionGroup var output: JSONOption
        @Argument(help: "The quote's id or short id.") var id: String

        /// Opens the replica, takes `step` on the quote named and prints the quote (and its
        /// prices) it leaves, as JSON or for people after `note` on standard error.
        func apply(_ step: (Replica, String) throws -> (Quote, PricedQuote?), note: (Quote) -> String?) throws {
            let replica = try options.open()
            let (quote, priced) = try step(replica, id)
            try show(quote, priced, replica: replica, json: output.json, note: note(quote))
        }

        /// ``apply(_:note:)`` for a step that leaves the quote unpriced.
        func apply(_ step: (Replica, String) throws -> Quote, note: (Quote) -> String?) throws {
            try apply({ (try step($0, $1), nil) }, note: note)
        }
    }

    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Start a draft quote on an opportunity.",
            discussion: "Example:\n  outpost quote new --opportunity 3f2b8c1e --valid-days 14")
        @OptionGroup var options: ReplicaOptions
        @OptionGroup var output: JSONOption
        @Option(help: "The opportunity's id or short id.") var opportunity: String
        @Option(help: "How many days the offer holds from today.") var validDays = Replica.quoteValidityDays

        func run() throws {
            let replica = try options.open()
            let quote = try replica.newQuote(opportunity: opportunity, validDays: validDays)
            try show(quote, replica: replica, json: output.json, note: "Created quote \(quote.id); it syncs next time.")
        }
    }

    struct Configure: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a configured product to a draft quote and re-price it.",
            discussion: """
                The choices must leave a valid configuration; options left open are not included, and every option the rules still need is named at once. --complete cheapest adds them, cheapest first by option price.

                Example:
                  outpost quote configure 9a1c --product PC-RICHMOND \\
                    --select i7-7700k-kaby-lake --deselect gt1030-msi-aero --complete cheapest --quantity 12
                """)
        @OptionGroup var quote: QuoteTarget
        @Option(help: "The product's SKU, id or name.") var product: String
        @Option(help: "An option to include (repeat the flag).") var select: [String] = []
        @Option(help: "An option to rule out (repeat the flag).") var deselect: [String] = []
        @Option(name: [.customShort("q"), .long], help: "How many units.") var quantity = 1
        @Option(help: "The price book's name or id (default: the quote's, else the product's).") var priceBook: String?
        @Option(help: "cheapest: add every choice still needed, cheapest first by option price.") var complete: outpost.Configure.Completion?

        func run() throws {
            try quote.apply({ replica, id in
                var select = self.select
                if complete != nil {
                    let catalog = try replica.catalog()
                    let configurator = try replica.configurator(for: try catalog.product(product), in: catalog)
                    select += try configurator.suggestion(select: select, deselect: deselect).needed.map(\.code)
                }
                return try replica.configureQuote(id, product: product, select: select, deselect: deselect, quantity: quantity,
                                                  priceBook: priceBook)
            }, note: { "Added a line to quote \($0.id)." })
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
            try quote.apply({ replica, id in
                let basisPoints = try discount.map(Percentage.basisPoints(parsing:))
                return try replica.priceQuote(id, discountBasisPoints: basisPoints, discountAmount: discountAmount)
            }, note: { "Priced quote \($0.id)." })
        }
    }

    struct Submit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Submit a draft quote: approved at once, or awaiting a manager when its discount is over the threshold.",
            discussion: "Example:\n  outpost quote submit 9a1c")
        @OptionGroup var quote: QuoteTarget

        func run() throws {
            try quote.apply({ try $0.submitQuote($1) }, note: { quote in
                quote.status == .submitted
                    ? "Quote \(quote.id) awaits a manager's approval (discount over the price book's threshold)."
                    : "Quote \(quote.id) is approved (discount within the threshold)."
            })
        }
    }

    struct Approve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Approve a submitted quote's discount (managers only).",
            discussion: "Example:\n  outpost quote approve 9a1c")
        @OptionGroup var quote: QuoteTarget

        func run() throws {
            try quote.apply({ try $0.approveQuote($1) }, note: { "Approved quote \($0.id)." })
        }
    }

    struct Reject: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Reject a submitted quote with a reason for the rep (managers only).",
            discussion: "Example:\n  outpost quote reject 9a1c --reason \"20 % is too much for 12 units\"")
        @OptionGroup var quote: QuoteTarget
        @Option(help: "Why the quote is rejected; the rep reads it.") var reason: String

        func run() throws {
            try quote.apply({ try $0.rejectQuote($1, reason: reason) },
                            note: { "Rejected quote \($0.label); the rep sees why at the next sync." })
        }
    }

    struct Revise: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make the next revision of a quote: a draft with the same lines, to change and submit again.",
            discussion: """
                The revision shares the quote's number with a suffix (Q-000123-2) and is valid for --valid-days from today.
                An order placed on it replaces the rejected order of the quote it revises.

                Example:
                  outpost quote revise 9a1c
                  outpost quote price 7e0d --discount 12
                """)
        @OptionGroup var quote: QuoteTarget
        @Option(help: "How many days the revision's offer holds from today.") var validDays = Replica.quoteValidityDays

        func run() throws {
            try quote.apply({ try $0.reviseQuote($1, validDays: validDays) }, note: { revision in
                "Created revision \(revision.revision ?? 2) of quote \(quote.id) as \(revision.id); change it with outpost quote configure or price, then submit it."
            })
        }
    }

    struct Copy: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Copy a quote's lines and discounts into a new draft, on the same or another opportunity.",
            discussion: "Example:\n  outpost quote copy 9a1c --opportunity 5d2e")
        @OptionGroup var quote: QuoteTarget
        @Option(help: "The opportunity for the copy (id or short id; default: the quote's).") var opportunity: String?
        @Option(help: "How many days the copy's offer holds from today.") var validDays = Replica.quoteValidityDays

        func run() throws {
            try quote.apply({ try $0.copyQuote($1, opportunity: opportunity, validDays: validDays) },
                            note: { "Copied quote \(quote.id) to the new draft \($0.id)." })
        }
    }

    struct Document: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Render a quote for the customer, offline: standalone printable HTML, plain text, or PDF.",
            discussion: """
                The document names the company, the customer and contact, every line with its options and prices,
                volume and quote discounts, the total, the validity date and the terms. HTML stands alone (inline CSS,
                A4 when printed). PDF is printed from that HTML by a headless Chromium (OUTPOST_CHROMIUM or chromium
                on the PATH).

                Examples:
                  outpost quote document 9a1c --format html -o quote.html \\
                    --company "Richmond Systems Ltd"
                  outpost quote document 9a1c --format pdf -o quote.pdf
                  outpost quote document 9a1c --format txt -o -
                """)
        enum Format: String, ExpressibleByArgument, CaseIterable { case html, txt, pdf }

        @OptionGroup var options: ReplicaOptions
        @Argument(help: "The quote's id or short id.") var id: String
        @Option(help: "html, txt or pdf.") var format: Format = .html
        @Option(name: [.customShort("o"), .long], help: "The file to write (- for standard output, html and txt only).") var output: String
        @Option(help: "The selling company's name at the head of the document (default: OUTPOST_COMPANY, else Outpost).")
        var company: String?
        @Option(help: "A paragraph of terms (repeat the flag; default: standard terms).") var terms: [String] = []

        func validate() throws {
            if format == .pdf && output == "-" { throw ValidationError("a PDF needs a file: -o quote.pdf") }
        }

        func run() throws {
            let name = company ?? ProcessInfo.processInfo.environment["OUTPOST_COMPANY"] ?? "Outpost"
            let document = try options.open().quoteDocument(id, company: name, terms: terms)
            switch format {
            case .html: try write(document.html)
            case .txt: try write(document.text)
            case .pdf: try DocumentPrinter.pdf(html: document.html, to: URL(fileURLWithPath: output))
            }
            if output != "-" { Output.status("Wrote quote \(document.number) (\(format.rawValue)) to \(output).") }
        }

        private func write(_ text: String) throws {
            if output == "-" { return print(text, terminator: "") }
            do { try Data(text.utf8).write(to: URL(fileURLWithPath: output)) } catch {
                throw ReplicaError(.invalid, "cannot write \(output): \(error.localizedDescription); choose a writable path with -o")
            }
        }
    }

    struct Accept: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record that the customer accepted an approved quote.",
            discussion: "Example:\n  outpost quote accept 9a1c")
        @OptionGroup var quote: QuoteTarget

        func run() throws {
            try quote.apply({ try $0.acceptQuote($1) },
                            note: { "Quote \($0.id) is accepted; outpost order place --quote \($0.id) orders it." })
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a quote: lines, prices, discount, status.",
            discussion: "Example:\n  outpost quote show 9a1c --json")
        @OptionGroup var quote: QuoteTarget

        func run() throws {
            try quote.apply({ try $0.quote($1) }, note: { _ in nil })
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the quotes this device holds; --awaiting-approval: those waiting for a manager.",
            discussion: """
                A manager's replica holds the quotes of their territory subtree, so --awaiting-approval lists the quotes waiting for them.

                Examples:
                  outpost quote list --json
                  outpost quote list --awaiting-approval
                """)
        @OptionGroup var options: ReplicaOptions
        @OptionGroup var output: JSONOption
        @Flag(help: "Only quotes submitted for a manager's approval.") var awaitingApproval = false

        func run() throws {
            let replica = try options.open()
            let catalog = try replica.catalog()
            let quotes = awaitingApproval ? try replica.quotesAwaitingApproval() : try replica.quotes()
            let views = quotes.map { QuoteView($0, priced: nil, catalog: catalog) }.sorted { ($0.number, $0.id) < ($1.number, $1.id) }
            try Output.list(views, json: output.json, headers: ["QUOTE", "STATUS", "LINES", "DISCOUNT", "TOTAL", "VALID UNTIL", "ID"],
                            empty: awaitingApproval ? "No quotes await approval." : "No quotes.") {
                [$0.number, $0.status, "\($0.lines.count)", ReadableOrder.percent($0.discountBasisPoints) + " %",
                 ($0.total ?? "-") + " " + ($0.currency ?? ""), $0.validUntil ?? "-", ShortID.of($0.id)]
            }
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
