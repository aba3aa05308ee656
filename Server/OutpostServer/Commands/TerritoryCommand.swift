import TerminalOutput
import ArgumentParser
import Foundation
import OutpostModel
import OutpostSQLite
import OutpostStore

/// `outpost-server territory add|list|move|rename|remove`.
struct TerritoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "territory",
        abstract: "Manage the territory hierarchy.",
        discussion: "Example:\n  outpost-server territory list --db hq.sqlite",
        subcommands: [Add.self, List.self, Move.self, Rename.self, Remove.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a territory.",
            discussion: "Example:\n  outpost-server territory add --db hq.sqlite Bavaria --parent DACH"
        )
        @OptionGroup var store: StoreOptions
        @Argument(help: "The new territory's name.") var name: String
        @Option(help: "The parent territory's name or id; omit for a root.") var parent: String?

        func run() async throws {
            let territory = try await store.withDirectory { database in
                let tree = try await database.territoryTree()
                let parentID = try parent.map { try Lookup.territory($0, in: tree).id }
                let territory = Territory(name: name, parentID: parentID)
                try territory.validate()
                try await database.addTerritory(territory)
                return territory
            }
            print("Added territory \(name) (\(territory.id))")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List territories as a tree.",
            discussion: "Example:\n  outpost-server territory list --db hq.sqlite --json"
        )
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        struct Row: Encodable {
            let id: TerritoryID
            let name: String
            let parent: String?
            let path: String
        }

        func run() async throws {
            let tree = try await store.withDirectory { try await $0.territoryTree() }
            var rows: [Row] = []
            var lines: [[String]] = []
            func visit(_ territory: Territory, depth: Int) {
                let path = tree.path(of: territory.id).joined(separator: " › ")
                rows.append(Row(id: territory.id, name: territory.name,
                                parent: territory.parentID.flatMap { tree.byID[$0]?.name }, path: path))
                lines.append([String(repeating: "  ", count: depth) + territory.name, territory.id.description])
                for child in tree.children(of: territory.id) { visit(child, depth: depth + 1) }
            }
            for root in tree.roots { visit(root, depth: 0) }
            if output.json { try Output.json(rows) } else { Output.table(["territory", "id"], lines, maxCellWidth: 40) }
        }
    }

    struct Move: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Move a territory (and its subtree) under another parent.",
            discussion: "Example:\n  outpost-server territory move --db hq.sqlite Bavaria --under EMEA"
        )
        @OptionGroup var store: StoreOptions
        @Argument(help: "The territory to move, by name or id.") var territory: String
        @Option(help: "The new parent, by name or id.") var under: String

        func run() async throws {
            let (moving, parent) = try await store.withDirectory { database in
                let tree = try await database.territoryTree()
                let moving = try Lookup.territory(territory, in: tree)
                let parent = try Lookup.territory(under, in: tree)
                try await database.moveTerritory(moving.id, under: parent.id)
                return (moving, parent)
            }
            print("Moved \(moving.name) under \(parent.name)")
        }
    }

    struct Rename: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Rename a territory; devices see the new name after their next sync.",
            discussion: "Example:\n  outpost-server territory rename --db hq.sqlite Bavaria \"Bavaria North\""
        )
        @OptionGroup var store: StoreOptions
        @Argument(help: "The territory, by name or id.") var territory: String
        @Argument(help: "Its new name (unique).") var name: String

        func run() async throws {
            let old = try await store.withDirectory { database in
                let tree = try await database.territoryTree()
                let renamed = try Lookup.territory(territory, in: tree)
                if let other = tree.territory(named: name), other.id != renamed.id {
                    throw CommandError("a territory is already named \"\(other.name)\"; pick another name")
                }
                try await database.renameTerritory(renamed.id, to: name)
                return renamed.name
            }
            print("Renamed territory \(old) to \(name)")
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove an empty territory (no child territories, accounts, leads, users, quotas or forecasts).",
            discussion: "Example:\n  outpost-server territory remove --db hq.sqlite \"Old District\""
        )
        @OptionGroup var store: StoreOptions
        @Argument(help: "The territory, by name or id.") var territory: String

        func run() async throws {
            let removed = try await store.withDirectory { database in
                let removed = try Lookup.territory(territory, in: try await database.territoryTree())
                try await database.removeTerritory(removed.id, now: Date())
                return removed
            }
            print("Removed territory \(removed.name)")
        }
    }
}
