import Foundation
import GRDB
import MergeEngine

/// Reads the states kept in groups (``StateGroup``) during one scan of `record` rows,
/// keeping the last group opened, so rows in group order open each group once. A reader
/// lives within one query: a group rewritten after it opened it is not seen.
struct StateGroupReader {
    /// Whether members are read with their states; without, only their columns and
    /// summaries (what the forecast reads), and no state is copied out.
    let states: Bool
    private var last: (group: Int64, members: [StateGroup.Member], index: [RecordID: Int])?

    init(states: Bool = true) { self.states = states }

    /// The encoded state of record `id` (its row's clear columns `kind`, `territory` and
    /// `parent`) kept in group `group`.
    /// - Throws: `.corrupt` when the group is missing, altered, or does not hold the record
    ///   with those columns.
    mutating func state(_ db: Database, _ cipher: ReplicaCipher, group: Int64, id: RecordID,
                        kind: Int64, territory: Data?, parent: Data?) throws -> [UInt8] {
        precondition(states, "a reader made without states read a state: it would find an empty one")
        return try member(db, cipher, group: group, id: id, kind: kind, territory: territory, parent: parent).state
    }

    /// The member of group `group` that keeps record `id`, checked against its row's clear
    /// columns as ``state(_:_:group:id:kind:territory:parent:)`` checks it.
    mutating func member(_ db: Database, _ cipher: ReplicaCipher, group: Int64, id: RecordID,
                         kind: Int64, territory: Data?, parent: Data?) throws -> StateGroup.Member {
        if last?.group != group {
            let statement = try db.cachedStatement(sql: "SELECT sealed FROM state_group WHERE id = ?")
            statement.setUncheckedArguments([group])
            let members = try Data.fetchOne(statement).map { sealed throws(ReplicaError) in
                try StateGroup.open(sealed, cipher, states: states).members
            } ?? []
            last = (group, members, Dictionary(members.indices.map { (members[$0].id, $0) }, uniquingKeysWith: { first, _ in first }))
        }
        guard let last, let position = last.index[id], last.members[position].kind == kind,
              last.members[position].territory == territory, last.members[position].parent == parent else {
            throw ReplicaError(.corrupt, "the state of record \(id) in the replica failed its integrity check: the replica file "
                + "was altered or damaged. Nothing was used; move the replica folder aside and enrol the device again")
        }
        return last.members[position]
    }
}

/// New records of one frame, held back while its records merge, then stored together in
/// groups (``Replica/storeGroups(_:_:)``).
final class StateGroupWriter {
    /// A held-back record: its group member and its row's other columns.
    struct Held {
        var member: StateGroup.Member
        var conflicted: Bool
        var period: Data?
    }

    fileprivate(set) var held: [Held] = []
    private var positions: [RecordID: Int] = [:]

    /// Whether record `id` is held back (a frame naming it again replaces it).
    func holds(_ id: RecordID) -> Bool { positions[id] != nil }

    /// Holds `record` back, in place of an earlier state of the same record.
    func hold(_ record: Held) {
        if let position = positions[record.member.id] {
            held[position] = record
        } else {
            positions[record.member.id] = held.count
            held.append(record)
        }
    }

    fileprivate func removeAll() {
        held.removeAll()
        positions.removeAll()
    }
}

extension Replica {
    /// Stores the records `writer` holds back, by kind and parent, in groups of up to
    /// ``StateGroup/capacity``, or each in its row when fewer than
    /// ``StateGroup/minimumMembers`` are held.
    func storeGroups(_ db: Database, _ writer: StateGroupWriter) throws {
        defer { writer.removeAll() }
        guard writer.held.count >= StateGroup.minimumMembers else {
            for record in writer.held {
                try writeSealedRow(db, record.member, conflicted: record.conflicted, period: record.period)
            }
            return
        }
        // Records of one kind and parent (or territory) side by side share the most; the
        // frame's order breaks ties. The order is sorted, not the records: moving a record
        // copies and releases its state, summary and columns.
        let keys = writer.held.map { record in
            let filed = (record.member.parent ?? record.member.territory).map { try? RecordID(bytes: [UInt8]($0)) } ?? nil
            return (kind: record.member.kind, high: filed?.high ?? 0, low: filed?.low ?? 0)
        }
        let order = writer.held.indices.sorted { a, b in
            (keys[a].kind, keys[a].high, keys[a].low, a) < (keys[b].kind, keys[b].high, keys[b].low, b)
        }
        for start in stride(from: 0, to: order.count, by: StateGroup.capacity) {
            let records = order[start..<min(start + StateGroup.capacity, order.count)].map { writer.held[$0] }
            let sealed = try StateGroup(members: records.map(\.member)).sealed(cipher)
            try db.execute(sql: "INSERT INTO state_group (sealed) VALUES (?)", arguments: [sealed])
            let group = db.lastInsertedRowID
            for record in records {
                // The group keeps the summary too: the row's is empty, not NULL (a row without one).
                try writeRow(db, record.member, state: Data(), summary: record.member.summary.map { _ in Data() }, group: group,
                             conflicted: record.conflicted, period: record.period)
            }
        }
    }

    /// Writes the `record` row of `member` (or replaces the record's) with its state and
    /// summary sealed in the row, bound to the row's clear columns.
    func writeSealedRow(_ db: Database, _ member: StateGroup.Member, conflicted: Bool, period: Data?) throws {
        let (id, kind, territory, parent) = (member.id, member.kind, member.territory, member.parent)
        let state = try cipher.seal(member.state, .recordState(id, kind: kind, territory: territory, parent: parent))
        let summary = try member.summary.map { summary throws(ReplicaError) in
            try cipher.seal(summary, .recordSummary(id, kind: kind, territory: territory, parent: parent))
        }
        try writeRow(db, member, state: state, summary: summary, group: nil, conflicted: conflicted, period: period)
    }

    /// Writes a `record` row (or replaces the record's): `state` and `summary` are sealed,
    /// or empty when `group` keeps them.
    private func writeRow(_ db: Database, _ member: StateGroup.Member, state: Data, summary: Data?, group: Int64?,
                          conflicted: Bool, period: Data?) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO record (id, kind, state, territory, parent, conflicted, summary, period, state_group)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, state = excluded.state, territory = excluded.territory,
                parent = excluded.parent, conflicted = excluded.conflicted, summary = excluded.summary, period = excluded.period,
                state_group = excluded.state_group
            """)
        // Nine values for the nine placeholders: no checking of the arguments per row.
        statement.setUncheckedArguments([Data(member.id.bytes), member.kind, state, member.territory, member.parent,
                                         conflicted, summary, period, group])
        try statement.execute()
    }

    /// Takes record `id` out of the group that keeps its state, if one does (its row is
    /// about to hold a state of its own, or go).
    func leaveGroup(_ db: Database, _ id: RecordID) throws {
        let statement = try db.cachedStatement(sql: "SELECT state_group FROM record WHERE id = ?")
        statement.setUncheckedArguments([Data(id.bytes)])
        if let group = try Int64.fetchOne(statement) { try prune(db, group, removing: [id]) }
    }

    /// Rewrites group `group` with only the members whose rows still name it, less
    /// `removing`; deletes it when none is left. A removed record's state leaves the file
    /// with it, as an evicted record's row does.
    func prune(_ db: Database, _ group: Int64, removing: Set<RecordID> = []) throws {
        guard let sealed = try Data.fetchOne(db, sql: "SELECT sealed FROM state_group WHERE id = ?", arguments: [group]) else { return }
        let members = try StateGroup.open(sealed, cipher).members
        let rowGroup = try db.cachedStatement(sql: "SELECT state_group FROM record WHERE id = ?")
        let kept = try members.filter { member in
            guard !removing.contains(member.id) else { return false }
            rowGroup.setUncheckedArguments([Data(member.id.bytes)])
            return try Int64.fetchOne(rowGroup) == group
        }
        if kept.isEmpty {
            try db.execute(sql: "DELETE FROM state_group WHERE id = ?", arguments: [group])
        } else if kept.count < members.count {
            try db.execute(sql: "UPDATE state_group SET sealed = ? WHERE id = ?", arguments: [try StateGroup(members: kept).sealed(cipher), group])
        }
    }

    /// Copies the rows of records with pending writes to `departed`, each with its state
    /// sealed in the row (taken out of its group), before those records leave `record`.
    func keepDeparted(_ db: Database) throws {
        var groups = StateGroupReader()
        let rows = try Row.fetchAll(db, sql: "SELECT \(Self.stateColumns) FROM record WHERE id IN (SELECT record FROM pending)")
        for row in rows {
            let id = try RecordID(bytes: [UInt8](row[0] as Data))
            let kind: Int64 = row[1], territory: Data? = row[3], parent: Data? = row[4]
            let sealed: Data = if let group = row[5] as Int64? {
                try cipher.seal(try groups.state(db, cipher, group: group, id: id, kind: kind, territory: territory, parent: parent),
                                .recordState(id, kind: kind, territory: territory, parent: parent))
            } else {
                row[2]
            }
            try db.execute(sql: "INSERT OR REPLACE INTO departed (id, kind, state, territory, parent) VALUES (?, ?, ?, ?, ?)",
                           arguments: [Data(id.bytes), kind, sealed, territory, parent])
        }
    }
}
