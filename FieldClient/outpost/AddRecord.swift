import ArgumentParser
import FieldClient
import Foundation
import MergeEngine
import OutpostModel
import OutpostReplication
import TerminalOutput

/// `outpost KIND add FIELD=VALUE …`: creates a record offline.
struct AddRecord<Kind: KindCommand>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "add", abstract: "Create one of your \(Kind.listing.command) offline; it syncs next time.",
            discussion: """
                Fields: \(Kind.listing.kind.fields.map(\.name).joined(separator: ", ")).
                References take a name or an id. Left out: territory_id is your territory, owner_id is you, dates are today, a stage's probability is the stage's default.
                An account with the name (and city) of another, or a contact or lead with another's e-mail, is refused as a likely duplicate unless --force.
                Example:
                  \(Kind.listing.addExample)
                """)
    }
    @OptionGroup var options: ReplicaOptions
    @OptionGroup var output: JSONOption
    @Argument(help: "FIELD=VALUE pairs.") var assignments: [String]
    @Flag(help: "Create it even when it looks like a record you have.") var force = false

    func run() throws {
        let directory = Directory(replica: try options.open())
        let id = try RecordCreation.create(Kind.listing.kind, assignments, directory, force: force)
        if output.json { return try Output.json(["id": EntityIDText.uuid(id)]) }
        print("Added \(Kind.listing.kind.name) \(Directory.shortID(id)) (\(EntityIDText.uuid(id))); it syncs next time.")
    }
}

/// `outpost KIND update NAME_OR_ID FIELD=VALUE …`: changes fields offline.
struct UpdateRecord<Kind: KindCommand>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "update", abstract: "Change fields of one of your \(Kind.listing.command) offline; it syncs next time.",
            discussion: """
                An empty value clears an optional field; setting a field in conflict resolves the conflict.
                Moving an opportunity's stage sets the stage's default probability unless you give one.
                Example:
                  outpost \(Kind.listing.command) update 3f2b8c1e \(Kind.listing.columns[0])="…"
                """)
    }
    @OptionGroup var options: ReplicaOptions
    @Argument(help: "The record's id, short id or name.") var record: String
    @Argument(help: "FIELD=VALUE pairs.") var assignments: [String]

    func run() throws {
        let directory = Directory(replica: try options.open())
        let kind = Kind.listing.kind
        let target = try directory.find(record, kind: kind)
        var fields = try FieldAssignments.parse(assignments, kind: kind, base: target.view.values, directory: directory)
        RecordCreation.defaultProbability(kind, &fields)
        try directory.replica.update(target.id, fields: fields)
        print("Changed \(fields.count) field\(fields.count == 1 ? "" : "s") of \(kind.name) \(Directory.shortID(target.id)); it syncs next time.")
    }
}

/// Creating records from field text with the defaults a rep expects.
enum RecordCreation {
    /// Creates a record of `kind` from `FIELD=VALUE` pairs plus defaults; returns its id.
    static func create(_ kind: ReplicatedKind, _ assignments: [String], _ directory: Directory, force: Bool) throws -> RecordID {
        var fields = try defaults(kind, directory)
        fields.merge(try FieldAssignments.parse(assignments, kind: kind, base: fields, directory: directory)) { $1 }
        defaultProbability(kind, &fields)
        if !force, let twin = try LikelyDuplicate.find(kind, fields, directory) {
            throw ReplicaError(.invalid, "this looks like \(kind.name) \(Directory.label(twin)) (\(Directory.shortID(twin.id))) you already have "
                + "(\(twin.kind == .account ? "same name and city, VAT number or web domain" : "same e-mail")); nothing was added. "
                + "Update that one, or add --force to create another")
        }
        return try create(kind, fields, directory.replica)
    }

    /// Creates a record of `kind` with `fields` under a new id.
    static func create(_ kind: ReplicatedKind, _ fields: [FieldID: FieldValue], _ replica: Replica) throws -> RecordID {
        let id = RecordID(EntityID<Account>())
        let record: any ReplicatedRecord
        do { record = try kind.decode(recordID: id, fields: fields) } catch {
            throw ReplicaError(.invalid, "\(error); nothing was added")
        }
        try replica.create(record)
        return id
    }

    /// When a stage is set without a probability, the stage's default probability.
    static func defaultProbability(_ kind: ReplicatedKind, _ fields: inout [FieldID: FieldValue]) {
        guard let stageID = kind.fieldID(named: "stage"), let probability = kind.fieldID(named: "probability"),
              fields[probability] == nil, case .string(let text)? = fields[stageID],
              let stage = OpportunityStage(rawValue: text) else { return }
        fields[probability] = .int(Int64(stage.defaultProbability))
    }

    /// What a new record of `kind` starts with: your territory, you as owner, today, a new lead, an early stage.
    private static func defaults(_ kind: ReplicatedKind, _ directory: Directory) throws -> [FieldID: FieldValue] {
        var fields: [FieldID: FieldValue] = [:]
        for field in kind.fields {
            switch field.name {
            case "territory_id": fields[field.id] = .bytes(RecordID(try directory.territory(nil).id).bytes)
            case "owner_id": fields[field.id] = .bytes(RecordID(try directory.me().id).bytes)
            case "day", "close_date": fields[field.id] = .int(Int64(Today.day.daysSinceEpoch))
            case "done": fields[field.id] = .bool(false)
            case "status": fields[field.id] = .string(LeadStatus.new.rawValue)
            case "stage": fields[field.id] = .string(OpportunityStage.prospecting.rawValue)
            case "currency": fields[field.id] = .string(try usualCurrency(directory))
            default: break
            }
        }
        return fields
    }

    /// The currency of your opportunities (the first found), else EUR.
    static func usualCurrency(_ directory: Directory) throws -> String {
        guard let currency = ReplicatedKind.opportunity.fieldID(named: "currency") else { return "EUR" }
        for record in try directory.records(.opportunity) {
            if case .string(let code) = record.view.values[currency] { return code }
        }
        return "EUR"
    }
}
