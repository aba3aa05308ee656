import OutpostStore
import ArgumentParser
import OutpostInterchange
import OutpostSQLite

/// `outpost-server export KIND`: CSV on standard output (every interchange kind, ready
/// for `import`; orders for fulfilment and accounting).
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the records of one kind as CSV to standard output.",
        discussion: """
            KIND is one of \(Kind.allCases.map(\.rawValue).joined(separator: ", ")). Every kind
            but orders reads back with `import` (ids included, so a re-import changes nothing).

            Examples:
              outpost-server export --db hq.sqlite contacts > contacts.csv
              outpost-server export --db hq.sqlite orders > orders.csv
            """
    )

    /// What `export` writes: the interchange kinds, and orders (export only).
    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case accounts, contacts, opportunities, leads, activities, territories, users, quotas, products, orders
    }

    @OptionGroup var store: StoreOptions
    @Argument(help: "What to write: \(Kind.allCases.map(\.rawValue).joined(separator: ", ")).") var kind: Kind

    func run() async throws {
        guard let interchange = InterchangeKind(rawValue: kind.rawValue) else {
            let rows = try await store.open().orders().flatMap(FeedOrder.csvRows)
            return print(CSVWriter.text(header: FeedOrder.csvHeader, rows: rows), terminator: "")
        }
        let records = try await store.withRecords { database in try await database.interchangeRecords(interchange) }
        print(CSVExport.text(for: records), terminator: "")
    }
}
