import ArgumentParser
import FieldClient
import Foundation
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
              outpost orders list --status submitted
              outpost orders list --watch
              outpost orders accept SO-000123
            """,
        subcommands: [List.self, Accept.self, Reject.self, Fulfil.self]
    )

    /// One order as the commands print it.
    struct Row: Encodable {
        let id: String
        let number: String?
        let status: String
        let quote: String
        let total: String?
        let currency: String?
        let position: UInt64
        let pending: Bool
        let note: String?

        enum CodingKeys: String, CodingKey {
            case id, number, status, quote = "quote_id", total, currency, position, pending, note = "desk_note"
        }

        init(_ desk: DeskOrder) {
            id = desk.order.id.description
            number = desk.order.number?.description
            status = desk.order.status.rawValue
            quote = desk.order.quoteID.description
            total = desk.order.total?.decimalString
            currency = desk.order.total?.currency.code
            position = desk.position
            pending = desk.isPending
            note = desk.order.deskNote
        }

        var cells: [String] {
            [number ?? "pending", status + (pending ? "*" : ""), total.map { "\($0) \(currency ?? "")" } ?? "", id]
        }

        static let headers = ["NUMBER", "STATUS", "TOTAL", "ORDER ID"]
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the orders in this replica; --watch syncs again and again and prints each change once.",
            discussion: """
                --watch resumes where the last watch stopped: its cursor is kept in the
                replica. A * after the status marks a change not yet synced.

                Examples:
                  outpost orders list --status submitted
                  outpost orders list --watch --interval 10 --json
                """
        )
        @OptionGroup var options: ReplicaOptions
        @OptionGroup var output: JSONOption

        @Option(help: "Only orders in this state: submitted, accepted, rejected or fulfilled.")
        var status: OrderStatus?

        @Flag(help: "Sync repeatedly and print every order that changed since the last watch (stop with Ctrl-C).")
        var watch = false

        @Option(help: "Seconds between syncs while watching.")
        var interval = 15

        @Option(help: "Use this endpoint instead of the one learnt at enrolment (tcp://HOST:PORT or http://HOST:PORT/sync).")
        var endpoint: String?

        func validate() throws {
            guard interval >= 1 else { throw ValidationError("--interval must be at least 1 second") }
        }

        func run() throws {
            let replica = try options.open()
            guard watch else {
                let rows = try replica.orders().filter { status == nil || $0.order.status == status }.map(Row.init)
                if output.json { return try Output.json(rows) }
                if rows.isEmpty { return print("No orders\(status.map { " \($0.rawValue)" } ?? "").") }
                return Output.table(Row.headers, rows.map(\.cells))
            }
            let client = SyncClient(replica: replica)
            while true {
                try syncOnce(client)
                for change in try replica.takeOrderChanges(feed: "orders") where status == nil || change.order.status == status {
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
            abstract: "Reject a submitted order, saying why.",
            discussion: "Example:\n  outpost orders reject SO-000123 --reason \"customer cancelled by phone\"")
        @OptionGroup var move: Move
        func run() throws { try move.run(to: .rejected) }
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
