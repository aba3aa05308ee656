import ArgumentParser
import OutpostInterchange
import OutpostSQLite

/// `outpost-server export KIND`: CSV on standard output (accounts, contacts and
/// opportunities ready for `import`; orders for fulfilment and accounting).
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write accounts, contacts, opportunities or orders as CSV to standard output.",
        discussion: """
            Examples:
              outpost-server export --db hq.sqlite contacts > contacts.csv
              outpost-server export --db hq.sqlite orders > orders.csv
            """
    )

    /// What `export` writes: the interchange kinds, and orders (export only).
    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case accounts, contacts, opportunities, orders
    }

    @OptionGroup var store: StoreOptions
    @Argument(help: "accounts, contacts, opportunities or orders.") var kind: Kind

    func run() async throws {
        let database = try store.open()
        let records: InterchangeRecords
        switch kind {
        case .accounts: records = .accounts(try await database.accounts(in: nil))
        case .contacts: records = .contacts(try await database.contacts(of: nil))
        case .opportunities: records = .opportunities(try await database.opportunities(of: nil))
        case .orders:
            let rows = try await database.orders().flatMap(FeedOrder.csvRows)
            return print(CSVWriter.text(header: FeedOrder.csvHeader, rows: rows), terminator: "")
        }
        print(CSVExport.text(for: records), terminator: "")
    }
}
