import Foundation
import GRDB
import HubCore
import MergeEngine
public import OutpostModel
import OutpostReplication
public import OutpostStore

/// A task the server gave a manager because a quote waited too long for approval.
public struct ApprovalEscalation: Sendable, Equatable {
    /// The waiting quote.
    public var quoteID: EntityID<Quote>
    /// 1: the approving manager; 2: that manager's manager.
    public var level: Int
    /// Who got the task.
    public var manager: String
    /// The task (an activity of kind `task`), which syncs to the manager's devices.
    public var taskID: ActivityID
}

extension SQLiteStore {
    /// Escalates quotes awaiting approval (status `submitted`), in one transaction.
    ///
    /// The server starts the clock for a quote the first time a scan sees it waiting
    /// (`approval_wait`), and forgets it once it is no longer waiting. Past `after`,
    /// each manager of the nearest territory at or above the quote's that has one gets
    /// a task; past twice `after`, the managers of the nearest territory above theirs.
    /// Each level happens once per quote.
    /// - Returns: the tasks made.
    public func escalateApprovals(now: Date, after: Duration) async throws(StoreError) -> [ApprovalEscalation] {
        try await write("escalating quotes awaiting approval") { db in
            let waiting = try Self.quotesAwaitingApproval(db)
            let at = now.sqlMilliseconds
            try db.execute(sql: "DELETE FROM approval_wait WHERE quote_id NOT IN (SELECT value FROM json_each(?))",
                           arguments: ["[" + waiting.keys.map { "\"\($0.sql)\"" }.joined(separator: ",") + "]"])
            let threshold = after.components.seconds * 1000 + after.components.attoseconds / 1_000_000_000_000_000
            var made: [ApprovalEscalation] = []
            var batch = RecordBatch()
            for (id, waitingQuote) in waiting.sorted(by: { $0.key.sql < $1.key.sql }) {
                try db.execute(sql: "INSERT OR IGNORE INTO approval_wait (quote_id, since) VALUES (?, ?)", arguments: [id.sql, at])
                let row = try Row.fetchOne(db, sql: "SELECT since, level FROM approval_wait WHERE quote_id = ?", arguments: [id.sql])!
                let since: Int64 = row[0]
                var level: Int = row[1]
                let due = threshold > 0 ? Int(min((at - since) / threshold, 2)) : 2
                guard due > level, let opportunity = try Opportunity.fetchOne(db, id: waitingQuote.quote.opportunityID) else { continue }
                let chain = try Self.managerChain(above: waitingQuote.territory, db)
                while level < due {
                    level += 1
                    for manager in chain.count >= level ? chain[level - 1] : [] {
                        let task = Activity(kind: .task, subject: "Approve the quote on \(opportunity.name)", day: CalendarDay(date: now),
                                            accountID: opportunity.accountID, opportunityID: opportunity.id, ownerID: manager.id,
                                            notes: "Quote \(id) has awaited approval since "
                                                + "\(Date(sqlMilliseconds: since).formatted(.iso8601))"
                                                + (level == 2 ? "; its approver has not acted on the first reminder." : "."))
                        batch.activities.append(task)
                        made.append(ApprovalEscalation(quoteID: id, level: level, manager: manager.name, taskID: task.id))
                    }
                }
                try db.execute(sql: "UPDATE approval_wait SET level = ? WHERE quote_id = ?", arguments: [level, id.sql])
            }
            if batch.count > 0 { try batch.insertRecords(db, secrets: secrets, now: now) }
            return made
        }
    }

    /// Orders submitted at or before `now - after` that the desk has neither
    /// accepted nor rejected, oldest first.
    public func ordersAwaitingDesk(now: Date, after: Duration) async throws(StoreError) -> [OrderEvent] {
        try await read("listing orders awaiting the desk") { db in
            let cutoff = now.addingTimeInterval(-Double(after.components.seconds)).sqlMilliseconds
            return try Self.orderEvents(db, where: """
                o.status = 'submitted' AND o.placed_at <= ?
                AND e.cursor = (SELECT MAX(cursor) FROM order_event WHERE order_id = o.id) ORDER BY o.number
                """, arguments: [cutoff])
        }
    }

    /// Quotes whose merged view says `submitted`, with their routing territory.
    private static func quotesAwaitingApproval(_ db: Database) throws -> [EntityID<Quote>: (quote: Quote, territory: TerritoryID)] {
        var waiting: [EntityID<Quote>: (quote: Quote, territory: TerritoryID)] = [:]
        let rows = try Row.fetchAll(db, sql: "SELECT id FROM replica_record WHERE kind = ?", arguments: [Int64(ReplicatedKind.quote.rawValue)])
        for row in rows {
            let id = try RecordID(bytes: [UInt8](row[0] as Data))
            guard let stored = try ReplicaTable.load(db, id), let territory = stored.territory else { continue }
            let view = stored.state.view(policy: .updateWins)
            guard !view.isDeleted, let quote = try? Quote(recordID: id, fields: view.values), quote.status == .submitted else { continue }
            waiting[quote.id] = (quote, territory)
        }
        return waiting
    }

    /// The managers who escalations go to, nearest first: for each territory from
    /// `territory` up to the root that has managers, those managers.
    private static func managerChain(above territory: TerritoryID, _ db: Database) throws -> [[User]] {
        var chain: [[User]] = []
        var current: TerritoryID? = territory
        var seen: Set<TerritoryID> = []
        while let here = current, seen.insert(here).inserted {
            let managers = try User.fetch(db, where: """
                role = 'manager' AND id IN (SELECT user_id FROM user_territory WHERE territory_id = ?)
                """, arguments: [here.sql])
            if !managers.isEmpty { chain.append(managers) }
            current = try String.fetchOne(db, sql: "SELECT parent_id FROM territory WHERE id = ?", arguments: [here.sql])
                .map { text throws(StoreError) in try TerritoryID.decode(text, "territory", "parent_id") }
        }
        return chain
    }
}

extension Opportunity {
    /// The opportunity with `id` from the domain table, if any.
    static func fetchOne(_ db: Database, id: OpportunityID) throws -> Opportunity? {
        try db.fetch(selectSQL + " WHERE id = ?", [id.sql], Opportunity.init(row:)).first
    }
}

extension CalendarDay {
    /// The UTC calendar day of `date`.
    init(date: Date) {
        self.init(daysSinceEpoch: Int((date.timeIntervalSince1970 / 86_400).rounded(.down)))
    }
}
