import ArgumentParser
import FieldClient
import OutpostModel
import Pricing
import TerminalOutput

/// `outpost order place --quote ID`.
struct OrderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "order",
        abstract: "Place orders from accepted quotes, offline.",
        discussion: "Example:\n  outpost order place --quote 9a1c",
        subcommands: [Place.self]
    )

    struct Place: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Place the order of an accepted quote; it reaches the order desk at the next sync.",
            discussion: """
                The order's identity is made here: a new id and the hash of the quote version.
                The opportunity is closed as won at the quote's total, unless --keep-opportunity;
                should the desk reject the order, the server re-opens it at its previous stage.
                An order on a revision (outpost quote revise) replaces the rejected order of the
                quote it revises. An expired quote cannot be ordered.

                Example:
                  outpost order place --quote 9a1c --contact "Ada Lovelace" \\
                    --ship-to "Richmond Ltd, 4 Mill Lane, Bristol BS1 4DJ, GB" --deliver-by 2026-12-15 --json
                """)
        @OptionGroup var options: ReplicaOptions
        @OptionGroup var output: JSONOption
        @Option(help: "The accepted quote's id or short id.") var quote: String
        @Option(help: "The customer's contact: \"First Last\" or a short id (default: the account's first contact).")
        var contact: String?
        @Option(help: "Where the goods go, on one line (default: the account's name, city and country).") var shipTo: String?
        @Option(help: "Where the invoice goes, on one line (default: the ship-to address).") var billTo: String?
        @Option(help: "The day the customer wants the goods by (YYYY-MM-DD).") var deliverBy: String?
        @Flag(help: "Leave the opportunity's stage and amount as they are.") var keepOpportunity = false

        struct Placed: Encodable {
            let id: String
            let quote: String
            let quoteHash: String
            let status: String

            enum CodingKeys: String, CodingKey {
                case id, quote, status
                case quoteHash = "quote_hash"
            }
        }

        func run() throws {
            let delivery: CalendarDay?
            do { delivery = try deliverBy.map { try CalendarDay(parsing: $0, field: "deliver-by") } } catch {
                throw ValidationError("--deliver-by must be a day such as 2026-12-15 (got \"\(deliverBy ?? "")\")")
            }
            let order = try options.open().placeOrder(quote: quote, OrderPlacement(
                contact: contact, shipTo: shipTo, billTo: billTo, requestedDelivery: delivery, keepOpportunity: keepOpportunity))
            let placed = Placed(id: order.id.description, quote: order.quoteID.description, quoteHash: order.quoteHash,
                                status: order.status.rawValue)
            if output.json { return try Output.json(placed) }
            print("Placed order \(placed.id) from quote \(placed.quote) (version \(placed.quoteHash.prefix(16))…); it reaches the order desk at the next sync.")
            if order.reopenStage != nil { print("The opportunity is closed as won at the quote's total.") }
            if order.replacesID != nil { print("It replaces the rejected order \(order.replacesID?.description ?? "").") }
        }
    }
}
