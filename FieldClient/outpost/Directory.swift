import FieldClient
import Foundation
import MergeEngine
import OutpostModel
import OutpostReplication

/// Names for ids and ids for names, read from the replica once per command: shows
/// `account_id` as the account's name, and lets people type a name, an id, or the
/// first characters of an id wherever a record is named.
final class Directory {
    let replica: Replica
    private var cache: [ReplicatedKind: [LocalRecord]] = [:]
    private var names: [ReplicatedKind: [RecordID: String]] = [:]

    init(replica: Replica) {
        self.replica = replica
    }

    /// The live records of `kind`, read once.
    func records(_ kind: ReplicatedKind) throws -> [LocalRecord] {
        if let cached = cache[kind] { return cached }
        let live = try replica.records(of: kind).filter { !$0.view.isDeleted }
        cache[kind] = live
        return live
    }

    /// A record's display name: accounts and territories by name, people by name, leads by company.
    /// Reads just that record unless the whole kind is loaded already (a page of
    /// activities names a few of thousands of accounts).
    func name(of id: RecordID, kind: ReplicatedKind) throws -> String {
        if let known = names[kind]?[id] { return known }
        let record = try cache[kind].map { $0.first { $0.id == id } } ?? replica.record(id)
        let name = record.map(Self.label) ?? Self.shortID(id)
        names[kind, default: [:]][id] = name
        return name
    }

    /// The record of `kind` that `text` names: a full id, its short id or other 4+ hex
    /// digits from the id's start or end (``IDFragment``), an exact name (any case), or a
    /// unique name prefix.
    /// - Throws: `.notFound` or `.invalid` (ambiguous), with the candidates.
    func find(_ text: String, kind: ReplicatedKind) throws -> LocalRecord {
        let records = try records(kind)
        if let fragment = IDFragment(text) {
            let byID = records.filter { fragment.names("\($0.id)") }
            if byID.count == 1 { return byID[0] }
        }
        let lowered = text.lowercased()
        let exact = records.filter { Self.label($0).lowercased() == lowered }
        if exact.count == 1 { return exact[0] }
        let prefixed = exact.isEmpty ? records.filter { Self.label($0).lowercased().hasPrefix(lowered) } : exact
        if prefixed.count == 1 { return prefixed[0] }
        if prefixed.isEmpty {
            throw ReplicaError(.notFound, "no \(kind.name) \"\(text)\" in this replica; list them with outpost \(kind.name)s list, or sync")
        }
        let sample = prefixed.prefix(3).map { "\(Self.label($0)) (\(Self.shortID($0.id)))" }.joined(separator: ", ")
        throw ReplicaError(.invalid, "\"\(text)\" matches \(prefixed.count) \(kind.name)s (\(sample)…); give more of the name or the id")
    }

    /// This device's user record.
    func me() throws -> User {
        let name = try replica.identity().userName
        guard let record = try records(.user).first(where: { Self.text($0, "name") == name }),
              let user = try record.decoded() as? User else {
            throw ReplicaError(.notFound, "user \(name) is not in the replica yet; run outpost sync")
        }
        return user
    }

    /// The territory `name` names, or the user's first territory.
    func territory(_ name: String?) throws -> Territory {
        if let name { return try decoded(find(name, kind: .territory)) }
        guard let first = try me().territoryIDs.first, let territory = try records(.territory).first(where: { $0.id == RecordID(first) }) else {
            throw ReplicaError(.notFound, "you have no territory yet; pass --territory NAME or sync")
        }
        return try decoded(territory)
    }

    /// Decodes `record` as `T`.
    func decoded<T: ReplicatedRecord>(_ record: LocalRecord, as type: T.Type = T.self) throws -> T {
        guard let value = try record.decoded() as? T else {
            throw ReplicaError(.invalid, "record \(record.id) is a \(record.kind.name), not a \(T.kind.name)")
        }
        return value
    }

    /// The short form of an id (``ShortID``): enough to name it in one replica.
    static func shortID(_ id: RecordID) -> String { ShortID.of("\(id)") }

    /// The text of the field `name` of `record`, if it is a string.
    static func text(_ record: LocalRecord, _ name: String) -> String? {
        guard let id = record.kind.fieldID(named: name), case .string(let text) = record.view.values[id] else { return nil }
        return text
    }

    /// How a record is named to people.
    static func label(_ record: LocalRecord) -> String {
        switch record.kind {
        case .contact: [text(record, "first_name"), text(record, "last_name")].compactMap { $0 }.joined(separator: " ")
        case .lead: text(record, "company") ?? shortID(record.id)
        case .user: text(record, "name") ?? shortID(record.id)
        case .activity: text(record, "subject") ?? shortID(record.id)
        case .device: text(record, "label") ?? shortID(record.id)
        default: text(record, "name") ?? shortID(record.id)
        }
    }
}
