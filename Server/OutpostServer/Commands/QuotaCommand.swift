import ArgumentParser
import OutpostModel
import OutpostSQLite
import OutpostStore

/// `outpost-server quota set|list`.
struct QuotaCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quota",
        abstract: "Set and list the quotas forecasts are read against.",
        discussion: "Example:\n  outpost-server quota set --db hq.sqlite rep.small --period 2026Q4 --amount \\\n    150000 --currency EUR",
        subcommands: [SetQuota.self, List.self]
    )

    struct SetQuota: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract: "Set a user's quota for one period and territory (replacing the one there was).",
            discussion: """
                The territory defaults to the user's first one. Devices in scope see it after their next sync.

                Example:
                  outpost-server quota set --db hq.sqlite rep.small --period 2026Q4 --amount \\
                    150000 --currency EUR
                """
        )
        @OptionGroup var store: StoreOptions
        @Argument(help: "The user's login name.") var user: String
        @Option(help: "A month (2026-11) or a quarter (2026Q4).") var period: String
        @Option(help: "The amount, a plain decimal such as 150000 or 150000.00.") var amount: String
        @Option(help: "The currency code, e.g. EUR.") var currency: String
        @Option(help: "The territory, by name or id (default: the user's first).") var territory: String?

        func run() async throws {
            try await store.withRecords { database in
                let owner = try await Lookup.user(user, in: database)
                let tree = try await database.territoryTree()
                let territoryID: TerritoryID
                if let territory {
                    territoryID = try Lookup.territory(territory, in: tree).id
                } else if let first = owner.territoryIDs.first {
                    territoryID = first
                } else {
                    throw CommandError("\(owner.name) works no territory; pass --territory NAME")
                }
                let forecastPeriod = try ForecastPeriod(parsing: period)
                let money = try Money(parsing: amount, currency: try Currency(code: currency.uppercased()))
                let existing = try await database.quotas().first {
                    $0.userID == owner.id && $0.territoryID == territoryID && $0.period == forecastPeriod
                }
                var quota = existing ?? Quota(userID: owner.id, territoryID: territoryID, period: forecastPeriod, amount: money)
                quota.amount = money
                try await database.upsert([quota], as: \.quotas)
                let name = tree.byID[territoryID]?.name ?? territoryID.description
                print("\(existing == nil ? "Set" : "Changed") \(owner.name)'s quota for \(forecastPeriod) in \(name) to \(money.decimalString) \(money.currency.code)")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List quotas by period, territory and user.",
            discussion: "Example:\n  outpost-server quota list --db hq.sqlite --period 2026Q4 --json"
        )
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions
        @Option(help: "Only this period (2026Q4 or 2026-11).") var period: String?

        struct Row: Encodable {
            let id: String
            let user: String
            let territory: String
            let period: String
            let amount: String
            let currency: String
        }

        func run() async throws {
            try await store.withRecords { database in
                let wanted = try period.map { try ForecastPeriod(parsing: $0) }
                let tree = try await database.territoryTree()
                let users = Dictionary(uniqueKeysWithValues: try await database.users().map { ($0.id, $0.name) })
                let rows = try await database.quotas().filter { wanted == nil || $0.period == wanted }.map { quota in
                    Row(id: quota.id.description, user: users[quota.userID] ?? quota.userID.description,
                        territory: tree.byID[quota.territoryID]?.name ?? quota.territoryID.description,
                        period: quota.period.description, amount: quota.amount.decimalString, currency: quota.amount.currency.code)
                }.sorted { ($0.period, $0.territory, $0.user) < ($1.period, $1.territory, $1.user) }
                try output.print(rows, headers: ["period", "territory", "user", "amount", "cur"]) {
                    [$0.period, $0.territory, $0.user, $0.amount, $0.currency]
                }
            }
        }
    }
}
