import ArgumentParser
import FieldClient

/// `outpost KIND list`: filtered, sorted, paged records from the replica.
struct ListRecords<Kind: KindCommand>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "list", abstract: "List \(Kind.listing.command) from the replica, filtered, sorted and paged.",
            discussion: """
                Examples:
                  outpost opps list --mine --open --period this-quarter --sort amount --desc
                  outpost accounts list --not-visited 30
                  outpost activities list --today
                """)
    }
    @OptionGroup var options: ReplicaOptions
    @OptionGroup var output: JSONOption
    @OptionGroup var query: RecordQuery

    func run() throws {
        try query.printPage(Kind.listing, from: options, json: output.json)
    }
}

/// `outpost KIND search TEXT`: records whose text fields contain TEXT.
struct SearchRecords<Kind: KindCommand>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "search", abstract: "Find \(Kind.listing.command) whose text fields contain TEXT (any case).",
            discussion: "Example:\n  outpost \(Kind.listing.command) search munich --limit 5")
    }
    @OptionGroup var options: ReplicaOptions
    @OptionGroup var output: JSONOption
    @Argument(help: "The text to look for.") var text: String
    @OptionGroup var query: RecordQuery

    func run() throws {
        try query.printPage(Kind.listing, from: options, json: output.json, matching: text)
    }
}

/// `outpost KIND show NAME_OR_ID`.
struct ShowRecord<Kind: KindCommand>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "show", abstract: "Show one of your \(Kind.listing.command) with every field and any conflict.",
            discussion: "Name it by id, the first characters of its id, or its name.\nExample:\n  outpost \(Kind.listing.command) show 3f2b8c1e")
    }
    @OptionGroup var options: ReplicaOptions
    @OptionGroup var output: JSONOption
    @Argument(help: "The record's id, short id or name.") var record: String

    func run() throws {
        let directory = Directory(replica: try options.open())
        try RecordDetail.print(try directory.find(record, kind: Kind.listing.kind), json: output.json, directory: directory)
    }
}
