import TerminalOutput
import ArgumentParser
import Configurator
import Foundation
import OutpostDemo
import OutpostSQLite
import OutpostStore

/// `outpost-server demo`: fills a new database with the deterministic demo company.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Fill a new database with a deterministic demo company.",
        discussion: """
            The same --scale and --seed always give the same data. `medium` gives the rep
            rep.medium about 2,000 accounts, 6,000 contacts, 3,000 opportunities and 8,000
            activities. The PC's configurator model ships with Outpost (the pc-richmond
            model of the Feature-Model Benchmark, MIT licence); --dimacs FILE replaces it.

            On PostgreSQL (after init), pass the key file too: the catalog is signed with the
            server's key.

            Examples:
              outpost-server demo --db hq.sqlite --scale medium
              outpost-server demo --key-file outpost.key --scale medium \\
                --db postgres://outpost@127.0.0.1:5432/outpost
            """
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    @Option(help: "small, medium or large.")
    var scale: DemoScale = .small

    @Option(help: "Seed of the generator; the same seed gives the same company.")
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp("DIMACS CNF model of the demo PC product (default: the one that ships with Outpost).", valueName: "file"))
    var dimacs: String?

    func run() async throws {
        let started = ContinuousClock.now
        let location = try store.location()
        if case .sqlite(let path) = location { _ = try SQLiteStore(path: path) }  // A new file is created and migrated.
        let counts = try await store.withRecords { database in
            let existing = try await database.counts()
            guard existing.accounts == 0, existing.territories == 0 else {
                throw CommandError("\(location) already holds data (\(existing.territories) territories, \(existing.accounts) accounts); "
                    + "use a new --db file or an empty database")
            }
            let model = try loadModel()
            let batch = DemoCompany.generate(scale: scale, seed: seed, pcModel: model)
            if !output.json { Output.status("Writing \(batch.count) records to \(location)…") }
            try await database.insert(batch)
            return try await database.counts()
        }
        let elapsed = ContinuousClock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let report = DemoReport(scale: scale.rawValue, seed: seed, seconds: (seconds * 100).rounded() / 100,
                                featuredRep: DemoCompany.featuredRep(for: scale), counts: counts)
        if output.json {
            try Output.json(report)
        } else {
            print("Demo company (\(scale.rawValue), seed \(seed)) written to \(location) in \(String(format: "%.1f", seconds)) s")
            Output.table(["kind", "records"], report.rows)
            print("Featured rep: \(report.featuredRep)")
        }
    }

    /// The PC's model: `--dimacs` when given, else the one bundled with OutpostDemo.
    private func loadModel() throws -> DIMACSModel {
        guard let dimacs else {
            do { return try DemoModels.pcRichmond() } catch { throw CommandError("\(error)") }
        }
        guard let text = try? String(contentsOfFile: dimacs, encoding: .utf8) else {
            throw CommandError("no DIMACS file at \(dimacs); give a readable file or leave --dimacs out for the bundled model")
        }
        return try DIMACSModel(parsing: text)
    }
}

/// What `demo --json` prints.
struct DemoReport: Encodable {
    let scale: String
    let seed: UInt64
    let seconds: Double
    let featuredRep: String
    let counts: RecordCounts

    var rows: [[String]] {
        let pairs: [(String, Int)] = [
            ("territories", counts.territories), ("users", counts.users), ("accounts", counts.accounts),
            ("contacts", counts.contacts), ("leads", counts.leads), ("opportunities", counts.opportunities),
            ("activities", counts.activities), ("products", counts.products),
            ("product options", counts.productOptions), ("price books", counts.priceBooks),
            ("configurator models", counts.configuratorModels), ("forecast submissions", counts.forecastSubmissions),
        ]
        return pairs.map { [$0.0, String($0.1)] }
    }
}

extension DemoScale: ExpressibleByArgument {}
