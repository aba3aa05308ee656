import TerminalOutput
import ArgumentParser
import Foundation
import OutpostInterchange
import OutpostModel
import OutpostSQLite
import OutpostStore

/// `outpost-server import KIND file.csv`: all or nothing, never a duplicate.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import records of one kind from a CSV file: all or nothing, never a duplicate.",
        discussion: """
            KIND is one of \(InterchangeKind.allCases.map(\.rawValue).joined(separator: ", ")); the
            columns are those `export KIND` writes, in any order. The file may be separated by
            commas, semicolons or tabs and may start with a UTF-8 byte-order mark.

            A row with an id updates that record (or creates it). A row without one is matched:
            territories, users and products by name or SKU, quotas by user, territory and period
            (the row updates the match); accounts by normalised name and city, contacts and leads
            by e-mail (a match is a likely duplicate, reported and left out unless
            --allow-duplicates). Territories, users and accounts may be named by name instead of id.
            The whole file is checked first: any bad row is reported with its line, column and
            reason, in file order, and then nothing is imported.

            Examples:
              outpost-server import --db hq.sqlite accounts accounts.csv --dry-run
              outpost-server import --db hq.sqlite accounts accounts.csv
            """
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "What the file holds: \(InterchangeKind.allCases.map(\.rawValue).joined(separator: ", ")).")
    var kind: InterchangeKind
    @Argument(help: "The CSV file.") var file: String
    @Flag(help: "Report what would be created, updated and left out, and write nothing.") var dryRun = false
    @Flag(help: "Create rows without an id even when they look like a stored record.") var allowDuplicates = false

    func run() async throws {
        try await store.withRecords { database in
            guard let bytes = FileManager.default.contents(atPath: file) else {
                throw CommandError("cannot read \(file); check the path")
            }
            let references = KnownReferences(territories: try await database.territories(),
                                             accounts: try await database.accounts(in: nil), users: try await database.users())
            let imported: ImportedFile
            do throws(ImportError) {
                imported = try CSVImport.file(kind, utf8: bytes, references: references)
            } catch {
                throw CommandError(Self.message(for: error, file: file))
            }
            let plan = ImportPlanner.plan(imported, stored: try await database.interchangeRecords(kind),
                                          allowDuplicates: allowDuplicates)
            if !dryRun, plan.records.count > 0 {
                try await database.upsert(RecordBatch(plan.records))
            }
            let report = ImportReport(kind: kind, file: file, dryRun: dryRun, plan: plan)
            if output.json { try Output.json(report) } else { print(report.text) }
        }
    }

    /// Every bad row in file order, one a line, then what to do.
    static func message(for error: ImportError, file: String) -> String {
        guard !error.rows.isEmpty else {
            return "\(file): \(error.line.map { "line \($0): " } ?? "")\(error.message); nothing was imported"
        }
        return "\(file): " + error.description
    }
}

/// What `import` prints: the counts, then each duplicate left out, in file order.
struct ImportReport: Encodable {
    let kind: String
    let file: String
    let dryRun: Bool
    let created: Int
    let updated: Int
    let unchanged: Int
    let duplicates: [Duplicate]

    struct Duplicate: Encodable {
        let line: Int
        let reason: String
    }

    enum CodingKeys: String, CodingKey {
        case kind, file, created, updated, unchanged, duplicates
        case dryRun = "dry_run"
    }

    init(kind: InterchangeKind, file: String, dryRun: Bool, plan: ImportPlan) {
        self.kind = kind.rawValue
        self.file = file
        self.dryRun = dryRun
        created = plan.created
        updated = plan.updated
        unchanged = plan.unchanged
        duplicates = plan.duplicates.map { Duplicate(line: $0.line, reason: $0.reason) }
    }

    var text: String {
        let counts = dryRun
            ? "Dry run of \(file) (\(kind)), nothing written: would create \(created), update \(updated), leave \(unchanged) unchanged"
            : "Imported \(kind) from \(file): \(created) created, \(updated) updated, \(unchanged) unchanged"
        let left = duplicates.isEmpty ? "." : "; \(duplicates.count) likely \(duplicates.count == 1 ? "duplicate" : "duplicates") left out:"
        return ([counts + left] + duplicates.map { "  line \($0.line): \($0.reason)" }).joined(separator: "\n")
    }
}

extension InterchangeKind: ExpressibleByArgument {}
