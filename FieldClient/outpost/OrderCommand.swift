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
                Example:
                  outpost order place --quote 9a1c --json
                """)
        @OptionGroup var options: ReplicaOptions
        @OptionGroup var output: JSONOption
        @Option(help: "The accepted quote's id or a unique prefix of it.") var quote: String

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
            let order = try options.open().placeOrder(quote: quote)
            let placed = Placed(id: order.id.description, quote: order.quoteID.description, quoteHash: order.quoteHash,
                                status: order.status.rawValue)
            if output.json { return try Output.json(placed) }
            print("Placed order \(placed.id) from quote \(placed.quote) (version \(placed.quoteHash.prefix(16))…); it reaches the order desk at the next sync.")
        }
    }
}
