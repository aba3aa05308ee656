import ArgumentParser
import Foundation
import LeadRouting
import OutpostSQLite
import TerminalOutput

/// `outpost-server rule add|list|remove|test|queue`: the assignment rules that send
/// web-to-lead leads (`POST /leads`) to a territory and a rep.
struct RuleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rule",
        abstract: "Lead assignment rules: which territory and rep a lead from the web goes to.",
        discussion: """
            Rules are tried by priority (lowest first), then name; the first whose every criterion matches names the \
            territory, and its rep with the fewest open leads takes the lead (ties: the least recently assigned). \
            A lead no rule matches goes to the queue territory.

            Example:
              outpost-server rule add --db hq.sqlite --name bavaria --country DE \\
                --postcode 80,81,82,83,84,85,86,87,90,91,92,93,94,95,96,97 --territory Bavaria
              outpost-server rule test --db hq.sqlite --country DE --postcode 80331
            """,
        subcommands: [Add.self, List.self, Remove.self, Test.self, Queue.self]
    )

    /// The criteria a rule or a sample lead has.
    struct Criteria: ParsableArguments {
        @Option(help: "The ISO country code, e.g. DE.") var country: String?
        @Option(help: "Postcode (for a rule: comma-separated prefixes, e.g. 80,81).") var postcode: String?
        @Option(help: "The industry, e.g. Manufacturing.") var industry: String?
        @Option(name: .customLong("product-interest"), help: "The product asked about.") var productInterest: String?
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a rule (or replace the rule of the same name).",
            discussion: "Example:\n  outpost-server rule add --db hq.sqlite --name bavaria --country DE \\\n    --postcode 80,81 --territory Bavaria"
        )
        @OptionGroup var store: StoreOptions
        @Option(help: "The rule's name.") var name: String
        @Option(help: "The territory a matching lead goes to.") var territory: String
        @Option(help: "Rules with a lower priority are tried first.") var priority = 100
        @OptionGroup var criteria: Criteria

        func validate() throws {
            guard !name.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("--name must not be empty") }
            guard criteria.country != nil || criteria.postcode != nil || criteria.industry != nil || criteria.productInterest != nil else {
                throw ValidationError("give at least one of --country, --postcode, --industry, --product-interest "
                    + "(leads no rule matches go to the queue: outpost-server rule queue --territory NAME)")
            }
        }

        func run() async throws {
            let prefixes = criteria.postcode?.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } ?? []
            let rule = AssignmentRule(name: name, priority: priority, country: criteria.country, postcodePrefixes: prefixes,
                                      industry: criteria.industry, productInterest: criteria.productInterest, territory: territory)
            try await store.open().saveAssignmentRule(rule)
            print("Rule \(rule.name) (priority \(rule.priority)): \(rule.summary) → \(rule.territory)")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the rules in the order they are tried, and the queue territory.",
            discussion: "Example:\n  outpost-server rule list --db hq.sqlite --json"
        )
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        struct Listing: Encodable {
            let rules: [AssignmentRule]
            let queue: String?
        }

        func run() async throws {
            let database = try store.open()
            let listing = Listing(rules: try await database.assignmentRules(), queue: try await database.leadQueue())
            if output.json { return try Output.json(listing) }
            if listing.rules.isEmpty {
                print("No rules. Add one with: outpost-server rule add --name NAME --country DE --territory NAME")
            } else {
                Output.table(["priority", "name", "criteria", "territory"],
                             listing.rules.map { ["\($0.priority)", $0.name, $0.summary, $0.territory] }, maxCellWidth: 60)
            }
            print("Queue for unmatched leads: " + (listing.queue ?? "none (set one with: outpost-server rule queue --territory NAME)"))
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove a rule.",
            discussion: "Example:\n  outpost-server rule remove --db hq.sqlite bavaria"
        )
        @OptionGroup var store: StoreOptions
        @Argument(help: "The rule's name (see rule list).") var name: String

        func run() async throws {
            try await store.open().removeAssignmentRule(named: name)
            print("Removed rule \(name)")
        }
    }

    struct Test: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show which rule a sample lead matches and why, its territory, and the rep who would take it.",
            discussion: "Changes nothing. Example:\n  outpost-server rule test --db hq.sqlite --country DE --postcode 80331 \\\n    --industry Retail"
        )
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var criteria: Criteria

        func run() async throws {
            let facts = LeadFacts(country: criteria.country, postcode: criteria.postcode, industry: criteria.industry,
                                  productInterest: criteria.productInterest)
            let routing = try await store.open().routeLead(facts)
            if output.json { return try Output.json(routing) }
            for evaluation in routing.evaluations {
                print("\(evaluation.matched ? "match" : "no match"): rule \(evaluation.rule.name) (priority \(evaluation.rule.priority)) → \(evaluation.rule.territory)")
                for check in evaluation.checks { print("  \(check.met ? "✓" : "✗") \(check.text)") }
                if evaluation.matched { break }
            }
            print(routing.rule.map { "Territory: \(routing.territory) (rule \($0))" }
                ?? "Territory: \(routing.territory) (no rule matched: the queue)")
            let load = routing.candidates.map { "\($0.name) \($0.openLeads) open" }.joined(separator: ", ")
            print(routing.owner.map { "Rep: \($0.name), fewest open leads among \(load)" }
                ?? "Rep: none (\(routing.territory) has no rep; the lead stays unassigned in the territory)")
        }
    }

    struct Queue: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set the territory that takes leads no rule matches.",
            discussion: "Example:\n  outpost-server rule queue --db hq.sqlite --territory \"Lead queue\""
        )
        @OptionGroup var store: StoreOptions
        @Option(help: "The queue territory's name.") var territory: String

        func run() async throws {
            try await store.open().setLeadQueue(territory: territory)
            print("Leads no rule matches go to \(territory)")
        }
    }
}
