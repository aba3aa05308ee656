import ArgumentParser
import FieldClient
import Foundation
import OrderIntake
import OutpostModel
import TerminalOutput

/// `outpost orders …`: the order desk's commands.
struct Orders: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The order desk: list orders, follow them live, accept, reject or fulfil them.",
        discussion: """
            Orders reach this replica at each sync; changes made here reach the server,
            and through it the rep, at the next sync.

            Examples:
              outpost orders list --status submitted --since 2026-11-01
              outpost orders show SO-000123
              outpost orders list --watch
              outpost orders accept SO-000123
              outpost orders reject SO-000123 --reason "ship-to address missing"
            """,
        subcommands: [List.self, Show.self, Accept.self, Reject.self, Fulfil.self]
    )

    /// One order as the commands print it.
    struct Row: Encodable {
        let id: String
        let number: String?
        let status: String
        let quote: String
        let customer: String?
        let rep: String?
        let orderedOn: String?
        let total: String?
        let currency: String?
        let position: UInt64
        let pending: Bool
        let note: String?

        enum CodingKeys: String, CodingKey {
            case id, number, status, quote = "quote_id", customer, rep, orderedOn = "ordered_on", total, currency, position, pending
            case note = "desk_note"
        }

        init(_ desk: DeskOrder) {
            id = desk.order.id.description
            number = desk.order.number?.description
            status = desk.order.status.rawValue
            quote = desk.order.quoteID.description
            customer = desk.order.customer
            rep = desk.order.rep
            orderedOn = desk.order.orderedOn?.description
            total = desk.order.total?.decimalString
            currency = desk.order.total?.currency.code
            position = desk.position
            pending = desk.isPending
            note = desk.order.deskNote
        }

        var cells: [String] {
            [number ?? "pending", status + (pending ? "*" : ""), customer ?? "", rep ?? "", orderedOn ?? "",
             total.map { "\($0) \(currency ?? "")" } ?? ""]
        }

        static let headers = ["NUMBER", "STATUS", "CUSTOMER", "REP", "DATE", "TOTAL"]
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the orders in this replica; --watch syncs again and again and prints each change once.",
            discussion: """
                --watch resumes where the last watch stopped: its cursor is kept in the
                replica. A * after the status marks a change not yet synced.

                --search matches the number, customer, contact, rep, opportunity, quote
                number, SKUs, product and option names (any case).

                Examples:
                  outpost orders list --status submitted
                  outpost orders list --customer "Richmond" --since 2026-11-01
                  outpost orders list --search SSD --json
                  outpost orders list --watch --interval 10 --json
                """
        )
        @OptionGroup var options: ReplicaOptions
        @OptionGroup var output: JSONOption

        @Option(help: "Only orders in this state: submitted, accepted, rejected or fulfilled.")
        var status: OrderStatus?

        @Option(help: "Only orders whose number, customer, contact, rep, opportunity, SKUs or option names contain this text.")
        var search: String?

        @Option(help: "Only orders whose customer's name contains this text (any case).")
        var customer: String?

        @Option(help: "Only orders placed on or after this day (YYYY-MM-DD).")
        var since: String?

        @Flag(help: "Sync repeatedly and print every order that changed since the last watch (stop with Ctrl-C).")
        var watch = false

        @Option(help: "Seconds between syncs while watching.")
        var interval = 15

        @Option(help: "Use this endpoint instead of the one learnt at enrolment (tcp://HOST:PORT or http://HOST:PORT/sync).")
        var endpoint: String?

        func validate() throws {
            guard interval >= 1 else { throw ValidationError("--interval must be at least 1 second") }
        }

        /// Whether `order` passes the filters.
        func matches(_ order: Order, since day: CalendarDay?) -> Bool {
            if let status, order.status != status { return false }
            if let customer, !(order.customer ?? "").localizedCaseInsensitiveContains(customer) { return false }
            if let day, (order.orderedOn.map { $0 < day } ?? true) { return false }
            guard let search else { return true }
            let texts = [order.number?.description, order.customer, order.contact, order.rep, order.opportunity, order.quoteNumber,
                         order.deskNote].compactMap { $0 }
                + order.lines.flatMap { [$0.sku, $0.productName] + $0.options.flatMap { [$0.name, $0.code] } }
            return texts.contains { $0.localizedCaseInsensitiveContains(search) }
        }

        func run() throws {
            let day: CalendarDay?
            do { day = try since.map { try CalendarDay(parsing: $0, field: "since") } } catch {
                throw ValidationError("--since must be a day such as 2026-11-01 (got \"\(since ?? "")\")")
            }
            let replica = try options.open()
            guard watch else {
                let rows = try replica.orders().filter { matches($0.order, since: day) }.map(Row.init)
                return try Output.list(rows, json: output.json, headers: Row.headers,
                                       empty: "No orders\(status.map { " \($0.rawValue)" } ?? "").", cells: \.cells)
            }
            let client = SyncClient(replica: replica)
            while true {
                try syncOnce(client)
                for change in try replica.takeOrderChanges(feed: "orders") where matches(change.order, since: day) {
                    let row = Row(change)
                    Output.feed(output.json ? try Output.jsonLine(row) : row.cells.joined(separator: "  "))
                }
                Thread.sleep(forTimeInterval: TimeInterval(interval))
            }
        }
    }

}

extension Orders.List {
    /// Syncs once; a failed link is reported and the watch goes on.
    func syncOnce(_ client: SyncClient) throws(ReplicaError) {
        do throws(ReplicaError) {
            _ = try client.sync(endpoint: endpoint)
        } catch {
            guard error.code == .transport else { throw error }
            Output.status("sync failed, retrying in \(interval) s: \(error.message)")
        }
    }
}

extension Orders {
    struct Accept: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Accept a submitted order.", discussion: "Example:\n  outpost orders accept SO-000123")
        @OptionGroup var move: Move
        func run() throws { try move.run(to: .accepted) }
    }

    struct Reject: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Reject a submitted order, saying why (--reason is required; the rep reads it).",
            discussion: "Example:\n  outpost orders reject SO-000123 --reason \"customer cancelled by phone\"")
        @OptionGroup var move: Move

        func validate() throws {
            guard let reason = move.reason, !reason.allSatisfy(\.isWhitespace) else {
                throw ValidationError("say why the order is rejected: outpost orders reject \(move.order) --reason \"TEXT\" (the rep reads it)")
            }
        }

        func run() throws { try move.run(to: .rejected) }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show an order as the desk reads it: customer, addresses, lines with options and prices, discounts, total.",
            discussion: """
                The lines add up to the subtotal, and the subtotal less the discounts to the total, to the cent.
                An order the server has not taken in yet is shown as priced on this device (provisional).

                Examples:
                  outpost orders show SO-000123
                  outpost orders show SO-000123 --json
                """)
        @OptionGroup var options: ReplicaOptions
        @OptionGroup var output: JSONOption
        @Argument(help: "The order: its number (SO-000123) or its id.") var order: String

        func run() throws {
            let replica = try options.open()
            let readable = try replica.readable(try replica.order(named: order))
            if output.json { return try Output.json(readable) }
            print(readable.text)
        }
    }

    struct Fulfil: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Mark an accepted order fulfilled.", discussion: "Example:\n  outpost orders fulfil SO-000123")
        @OptionGroup var move: Move
        func run() throws { try move.run(to: .fulfilled) }
    }

    /// What accept, reject and fulfil share: the replica and the order named.
    struct Move: ParsableArguments {
        @OptionGroup var options: ReplicaOptions
        @OptionGroup var output: JSONOption
        @Argument(help: "The order: its number (SO-000123) or its id.") var order: String
        @Option(name: [.long, .customLong("note")], help: "A note for the rep: why the order was rejected, or anything they should know.")
        var reason: String?

        func run(to status: OrderStatus) throws {
            let replica = try options.open()
            let found = try replica.order(named: order)
            try replica.move(found, to: status, note: reason)
            let moved = try replica.order(named: found.order.id.description)
            if output.json { return try Output.json(Row(moved)) }
            print("Order \(moved.label) is \(status.rawValue) here; it reaches the server at the next sync.")
        }
    }
}

extension OrderStatus: ExpressibleByArgument {}
