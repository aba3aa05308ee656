import ArgumentParser
import FieldClient
import Forecasting
import Foundation
import MergeEngine
import OutpostModel
import OutpostReplication
import TerminalOutput

/// `outpost forecast [show] | submit | adjust`: forecasts offline from the replica.
struct ForecastCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forecast", abstract: "Forecasts by period and category, rolled up your territory tree, offline.",
        discussion: """
            Examples:
              outpost forecast --period 2026Q4
              outpost forecast --territory Bavaria --reps
              outpost forecast submit --commit 120000
              outpost forecast adjust rep.bavaria --commit 95000 --note "Kraft slips to Q1"
            """,
        subcommands: [ShowForecast.self, SubmitForecast.self, AdjustForecast.self], defaultSubcommand: ShowForecast.self)
}

/// The period and territory every forecast command takes.
struct ForecastScope: ParsableArguments {
    @Option(help: "The period: 2026Q4, 2026-11, this-quarter (default), this-month, next-quarter.")
    var period = "this-quarter"

    @Option(help: "The territory (default: your first territory).")
    var territory: String?

    /// The parsed period and the territory record, which must be one of the user's
    /// territories or below one.
    func resolve(_ directory: Directory) throws -> (ForecastPeriod, Territory) {
        let chosen: ForecastPeriod
        do { chosen = try Today.period(period) } catch { throw ReplicaError(.invalid, "\(error)") }
        let found = try directory.territory(territory)
        let mine = try directory.me().territoryIDs
        let territories: [Territory] = try directory.records(.territory).compactMap { try $0.decoded() as? Territory }
        let tree = TerritoryTree(territories)
        guard territory == nil || tree.subtree(of: mine).contains(found.id) else {
            let names = mine.compactMap { tree.byID[$0]?.name }
            throw ReplicaError(.invalid, "\(found.name) is outside your territories (\(names.isEmpty ? "none" : names.joined(separator: ", "))); "
                + "pick one of them or a territory below it")
        }
        return (chosen, found)
    }
}

/// `outpost forecast [show]`.
struct ShowForecast: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show the forecast of a territory subtree: computed, submitted, adjusted, quota.",
        discussion: "Example:\n  outpost forecast show --period 2026Q4 --territory DACH --depth 2 --reps")
    @OptionGroup var options: ReplicaOptions
    @OptionGroup var output: JSONOption
    @OptionGroup var scope: ForecastScope

    @Option(help: "How many levels below the territory to show.")
    var depth = 1

    @Flag(help: "Show each rep's line under every territory shown.")
    var reps = false

    func run() throws {
        let directory = Directory(replica: try options.open())
        let (period, territory) = try scope.resolve(directory)
        guard let forecast = try directory.replica.forecastBook(period: period).forecast(period: period, root: territory.id) else {
            throw ReplicaError(.notFound, "territory \(territory.name) is not in this replica")
        }
        if output.json { return try Output.json(ForecastReport(period: period, forecast: forecast)) }
        print("Forecast \(period) for \(forecast.path.joined(separator: " › ")) (\(forecast.total.computed.deals) opportunities)")
        ForecastTable.print(forecast, depth: depth, reps: reps)
    }
}

/// `outpost forecast submit`.
struct SubmitForecast: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "submit", abstract: "Submit your forecast for a period; figures you leave out are your computed ones.",
        discussion: """
            Figures are cumulative: --commit is Commit + Closed, --best-case is Best Case + Commit + Closed,
            --pipeline is the open pipeline. Submitting again replaces your submission for the period.
            Example:
              outpost forecast submit --period 2026Q4 --commit 120000 --best-case 180000
            """)
    @OptionGroup var options: ReplicaOptions
    @OptionGroup var scope: ForecastScope
    @OptionGroup var figures: FigureOptions

    func run() throws {
        let directory = Directory(replica: try options.open())
        let (period, territory) = try scope.resolve(directory)
        let me = try directory.me()
        let book = try directory.replica.forecastBook(period: period)
        let mine = book.forecast(period: period, root: territory.id)?.reps.first { $0.userID == me.id }
        let computed = mine?.line.computed.figures ?? .zero
        let currency = try figures.currency.map { try Currency(code: $0) }
            ?? computed.pipeline.money.first?.currency ?? computed.closed.money.first?.currency
            ?? Currency(code: RecordCreation.usualCurrency(directory))
        var amounts: [ForecastCategory: Money] = [:]
        for category in [ForecastCategory.closed, .commit, .bestCase, .pipeline] {
            amounts[category] = try figures.amount(category, currency) ?? computed[category][currency]
        }
        let order: [ForecastCategory] = [.closed, .commit, .bestCase]
        for (lower, upper) in zip(order, order.dropFirst()) where amounts[lower]!.minorUnits > amounts[upper]!.minorUnits {
            throw ReplicaError(.invalid, "\(upper.rawValue) \(amounts[upper]!.decimalString) is below \(lower.rawValue) "
                + "\(amounts[lower]!.decimalString); figures are cumulative, so pass --\(upper.rawValue.replacingOccurrences(of: "_", with: "-")) too. "
                + "Nothing was submitted")
        }
        let existing: [ForecastSubmission] = try directory.replica.live(.forecastSubmission)
        if let previous = existing.filter({ $0.ownerID == me.id && $0.territoryID == territory.id && $0.period == period }).max(by: { $0.id < $1.id }) {
            var updated = previous
            updated.amounts = amounts
            let kind = ReplicatedKind.forecastSubmission
            let changed = Set(["amounts", "currency"].compactMap(kind.fieldID(named:)))
            try directory.replica.update(RecordID(previous.id), fields: updated.fields.filter { changed.contains($0.key) })
        } else {
            try directory.replica.create(ForecastSubmission(ownerID: me.id, territoryID: territory.id, period: period, amounts: amounts))
        }
        print("Submitted \(period) for \(territory.name): " + [ForecastCategory.closed, .commit, .bestCase, .pipeline]
            .map { "\($0.rawValue) \(amounts[$0]!.decimalString)" }.joined(separator: ", ") + " \(currency.code); it syncs next time.")
    }
}

/// `outpost forecast adjust REP`.
struct AdjustForecast: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "adjust", abstract: "Adjust a rep's figures, submitted or not; the submission is kept, the adjustment sits beside it.",
        discussion: """
            A rep who has not submitted gets a standing adjustment of their computed figures, which
            also holds for the submission they make later. The territory defaults to the rep's first
            one within yours.
            Example:
              outpost forecast adjust rep.bavaria --period 2026Q4 --territory Bavaria \\
                --commit 95000 --note "Kraft slips"
            """)
    @OptionGroup var options: ReplicaOptions
    @OptionGroup var scope: ForecastScope
    @OptionGroup var figures: FigureOptions
    @Argument(help: "The rep (login name or id).") var rep: String
    @Option(help: "Why.") var note: String?

    func run() throws {
        let directory = Directory(replica: try options.open())
        guard try directory.replica.identity().role == Role.manager.rawValue else {
            throw ReplicaError(.invalid, "only a manager adjusts forecasts; reps submit theirs with outpost forecast submit")
        }
        let repUser: User = try directory.decoded(try directory.find(rep, kind: .user))
        let (period, chosen) = try scope.resolve(directory)
        let me = try directory.me()
        let territory = try scope.territory == nil ? Self.territory(of: repUser, within: me, directory) : chosen
        let submissions: [ForecastSubmission] = try directory.replica.live(.forecastSubmission)
        let submission = submissions.filter { $0.ownerID == repUser.id && $0.period == period && $0.territoryID == territory.id }
            .max { $0.id < $1.id }
        let line = try directory.replica.forecastBook(period: period).forecast(period: period, root: territory.id)?
            .reps.first { $0.userID == repUser.id }?.line
        let computed = line?.computed.figures
        let currency = try figures.currency.map { try Currency(code: $0) } ?? submission?.amounts.values.first?.currency
            ?? computed?.pipeline.money.first?.currency ?? computed?.closed.money.first?.currency ?? line?.quota.money.first?.currency
            ?? Currency(code: RecordCreation.usualCurrency(directory))
        let madeAt = Int(Date().timeIntervalSince1970)
        var made = 0
        for category in [ForecastCategory.closed, .commit, .bestCase, .pipeline] {
            guard let amount = try figures.amount(category, currency) else { continue }
            try directory.replica.create(submission.map {
                ForecastAdjustment(submissionID: $0.id, managerID: me.id, category: category, amount: amount, note: note, madeAt: madeAt)
            } ?? ForecastAdjustment(rep: repUser.id, territoryID: territory.id, period: period, managerID: me.id, category: category,
                                    amount: amount, note: note, madeAt: madeAt))
            made += 1
        }
        guard made > 0 else { throw ReplicaError(.invalid, "give at least one of --closed, --commit, --best-case, --pipeline") }
        let kept = submission == nil ? "it stands until they submit, and for their submission too" : "the submission stays as it was"
        print("Adjusted \(made) figure\(made == 1 ? "" : "s") of \(repUser.name)'s \(period) forecast in \(territory.name); \(kept).")
    }

    /// The first of `rep`'s territories within `manager`'s subtree.
    static func territory(of rep: User, within manager: User, _ directory: Directory) throws -> Territory {
        let territories: [Territory] = try directory.records(.territory).compactMap { try $0.decoded() as? Territory }
        let tree = TerritoryTree(territories)
        let mine = tree.subtree(of: manager.territoryIDs)
        guard let id = rep.territoryIDs.first(where: mine.contains), let territory = tree.byID[id] else {
            let names = manager.territoryIDs.compactMap { tree.byID[$0]?.name }
            throw ReplicaError(.invalid, "\(rep.name) works in none of your territories (\(names.isEmpty ? "none" : names.joined(separator: ", "))); "
                + "adjust a rep of your territories, or name one with --territory")
        }
        return territory
    }
}

/// The figures `submit` and `adjust` take.
struct FigureOptions: ParsableArguments {
    @Option(help: "Closed (won).") var closed: String?
    @Option(help: "Commit forecast (Commit + Closed).") var commit: String?
    @Option(help: "Best Case forecast (Best Case + Commit + Closed).") var bestCase: String?
    @Option(help: "Open pipeline (Pipeline + Best Case + Commit).") var pipeline: String?
    @Option(help: "The currency of the figures (default: your opportunities').") var currency: String?

    /// The amount given for `category`, if any.
    func amount(_ category: ForecastCategory, _ currency: Currency) throws -> Money? {
        let text: String? = switch category {
        case .closed: closed
        case .commit: commit
        case .bestCase: bestCase
        case .pipeline: pipeline
        case .omitted: nil
        }
        guard let text else { return nil }
        do { return try Money(parsing: text, currency: currency, field: category.rawValue) } catch {
            throw ReplicaError(.invalid, "\(error); nothing was changed")
        }
    }
}
