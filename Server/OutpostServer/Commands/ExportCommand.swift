import ArgumentParser
import OutpostInterchange
import OutpostSQLite

/// `outpost-server export KIND`: CSV on standard output, ready for `import`.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write accounts, contacts or opportunities as CSV to standard output.",
        discussion: "Example:\n  outpost-server export --db hq.sqlite contacts > contacts.csv"
    )

    @OptionGroup var store: StoreOptions
    @Argument(help: "accounts, contacts or opportunities.") var kind: InterchangeKind

    func run() async throws {
        let database = try store.open()
        let records: InterchangeRecords = switch kind {
        case .accounts: .accounts(try await database.accounts(in: nil))
        case .contacts: .contacts(try await database.contacts(of: nil))
        case .opportunities: .opportunities(try await database.opportunities(of: nil))
        }
        print(CSVExport.text(for: records), terminator: "")
    }
}
