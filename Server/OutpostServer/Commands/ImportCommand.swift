import TerminalOutput
import ArgumentParser
import Foundation
import OutpostInterchange
import OutpostModel
import OutpostSQLite
import OutpostStore

/// `outpost-server import KIND file.csv`: all or nothing.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import accounts, contacts or opportunities from a CSV file, all or nothing.",
        discussion: """
            The whole file is checked first; any bad row is reported with its line, column and
            reason, and then nothing is imported. Columns are those `export` writes.

            Example:
              outpost-server import --db hq.sqlite accounts accounts.csv
            """
    )

    @OptionGroup var store: StoreOptions
    @Argument(help: "accounts, contacts or opportunities.") var kind: InterchangeKind
    @Argument(help: "The CSV file.") var file: String

    func run() async throws {
        let database = try store.open()
        guard let bytes = FileManager.default.contents(atPath: file) else {
            throw CommandError("cannot read \(file)")
        }
        let references = KnownReferences(
            territories: Set(try await database.territories().map(\.id)),
            accounts: Set(try await database.accounts(in: nil).map(\.id)),
            users: Set(try await database.users().map(\.id))
        )
        let records: InterchangeRecords
        do {
            records = try CSVImport.records(kind, utf8: bytes, references: references)
        } catch {
            for row in error.rows.dropFirst() { Output.status("\(file): \(row)") }
            guard let first = error.rows.first else {
                throw CommandError("\(file): \(error.message); nothing was imported")
            }
            throw CommandError("\(file): \(first) (\(error.rejectedRowCount) rejected rows); nothing was imported")
        }
        var batch = RecordBatch()
        switch records {
        case .accounts(let accounts): batch.accounts = accounts
        case .contacts(let contacts): batch.contacts = contacts
        case .opportunities(let opportunities): batch.opportunities = opportunities
        }
        try await database.insert(batch)
        print("Imported \(records.count) \(kind.rawValue) from \(file)")
    }
}

extension InterchangeKind: ExpressibleByArgument {}
