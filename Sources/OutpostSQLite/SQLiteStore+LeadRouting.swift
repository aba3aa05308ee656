import Foundation
import GRDB
public import LeadRouting
public import OutpostModel
public import OutpostStore

/// A lead that came in through `POST /leads`, as the store took it.
public struct LeadIntake: Sendable, Equatable {
    /// The lead as stored (territory and owner set by the routing).
    public var lead: Lead
    /// Where it went and why.
    public var routing: LeadDecision
}

extension SQLiteStore {
    // MARK: Rules

    /// Adds `rule`, or replaces the rule of the same name.
    /// - Throws: `.notFound` when its territory does not exist.
    public func saveAssignmentRule(_ rule: AssignmentRule) async throws(StoreError) {
        try await write("saving assignment rule \(rule.name)") { db in
            let territory = try Self.territoryID(named: rule.territory, db)
            try db.execute(sql: """
                INSERT OR REPLACE INTO assignment_rule (name, priority, country, postcode_prefixes, industry, product_interest, territory_id)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [rule.name, rule.priority, rule.country, rule.postcodePrefixes.joined(separator: ","), rule.industry,
                                 rule.productInterest, territory])
        }
    }

    /// Every assignment rule, in the order they are tried.
    public func assignmentRules() async throws(StoreError) -> [AssignmentRule] {
        try await read("listing assignment rules") { db in try Self.rules(db) }
    }

    /// Removes the rule named `name`.
    /// - Throws: `.notFound` when there is none.
    public func removeAssignmentRule(named name: String) async throws(StoreError) {
        try await write("removing assignment rule \(name)") { db in
            try db.execute(sql: "DELETE FROM assignment_rule WHERE name = ?", arguments: [name])
            guard db.changesCount > 0 else {
                throw StoreError(.notFound, "no assignment rule is named \(name); list them with outpost-server rule list")
            }
        }
    }

    /// Makes the territory named `name` the queue for leads no rule matches.
    public func setLeadQueue(territory name: String) async throws(StoreError) {
        try await write("setting the lead queue to \(name)") { db in
            let territory = try Self.territoryID(named: name, db)
            try db.execute(sql: "INSERT OR REPLACE INTO lead_queue (id, territory_id) VALUES (1, ?)", arguments: [territory])
        }
    }

    /// The name of the queue territory, if one is set.
    public func leadQueue() async throws(StoreError) -> String? {
        try await read("reading the lead queue") { db in
            try String.fetchOne(db, sql: "SELECT t.name FROM lead_queue q JOIN territory t ON t.id = q.territory_id")
        }
    }

    // MARK: Routing and intake

    /// Where a lead with `facts` would go now, and why; changes nothing.
    public func routeLead(_ facts: LeadFacts) async throws(StoreError) -> LeadDecision {
        try await read("routing a lead") { db in try Self.route(facts, db) }
    }

    /// Takes in `lead` in one transaction: routes it by `facts` (rule, territory,
    /// rep with the fewest open leads), stores it with that territory and owner as
    /// a hub write (so it reaches the territory's devices at their next sync), and
    /// records the assignment.
    /// - Throws: `.invalid` for a lead that fails validation, `.notFound` when no
    ///   rule matches and no queue territory is set.
    public func takeInLead(_ lead: Lead, facts: LeadFacts, now: Date) async throws(StoreError) -> LeadIntake {
        try await write("taking in a lead") { db in
            let routing = try Self.route(facts, db)
            var routed = lead
            routed.territoryID = try TerritoryID.decode(try Self.territoryID(named: routing.territory, db), "territory", "id")
            routed.ownerID = try routing.owner.map { candidate throws(StoreError) in try UserID.decode(candidate.userID, "user", "id") }
            do throws(ValidationError) { try routed.validate() } catch {
                throw StoreError(.invalid, "lead: \(error)")
            }
            var batch = RecordBatch()
            batch.leads = [routed]
            try batch.insertRecords(db, secrets: secrets, now: now)
            try db.execute(sql: """
                INSERT INTO lead_assignment (lead_id, user_id, territory_id, rule_name, assigned_at) VALUES (?, ?, ?, ?, ?)
                """, arguments: [routed.id.sql, routed.ownerID?.sql, routed.territoryID.sql, routing.rule, now.sqlMilliseconds])
            return LeadIntake(lead: routed, routing: routing)
        }
    }

    static func route(_ facts: LeadFacts, _ db: Database) throws -> LeadDecision {
        let evaluations = LeadRouter.evaluate(try Self.rules(db), facts: facts)
        let match = evaluations.first(where: \.matched)
        let territoryName: String
        if let match {
            territoryName = match.rule.territory
        } else {
            guard let queue = try String.fetchOne(db, sql: "SELECT t.name FROM lead_queue q JOIN territory t ON t.id = q.territory_id") else {
                throw StoreError(.notFound, "no assignment rule matches the lead and no queue territory is set; "
                    + "set one with outpost-server rule queue --territory NAME")
            }
            territoryName = queue
        }
        let territory = try territoryID(named: territoryName, db)
        let candidates = try Row.fetchAll(db, sql: """
            SELECT u.id, u.name,
                   (SELECT COUNT(*) FROM lead l WHERE l.owner_id = u.id AND l.status NOT IN ('converted', 'disqualified')),
                   (SELECT MAX(assigned_at) FROM lead_assignment a WHERE a.user_id = u.id)
            FROM "user" u JOIN user_territory ut ON ut.user_id = u.id
            WHERE ut.territory_id = ? AND u.role = 'rep' ORDER BY u.name
            """, arguments: [territory]).map { row in
            RepCandidate(userID: row[0], name: row[1], openLeads: row[2], lastAssignedAt: row[3])
        }
        return LeadDecision(evaluations: evaluations, rule: match?.rule.name, territory: territoryName, candidates: candidates,
                           owner: LeadRouter.choose(candidates))
    }

    private static func rules(_ db: Database) throws -> [AssignmentRule] {
        let rules = try Row.fetchAll(db, sql: """
            SELECT r.name, r.priority, r.country, r.postcode_prefixes, r.industry, r.product_interest, t.name
            FROM assignment_rule r JOIN territory t ON t.id = r.territory_id
            """).map { row in
            let prefixes: String = row[3]
            return AssignmentRule(name: row[0], priority: row[1], country: row[2],
                                  postcodePrefixes: prefixes.split(separator: ",").map(String.init),
                                  industry: row[4], productInterest: row[5], territory: row[6])
        }
        return LeadRouter.evaluate(rules, facts: LeadFacts()).map(\.rule)
    }

    private static func territoryID(named name: String, _ db: Database) throws -> String {
        guard let id = try String.fetchOne(db, sql: "SELECT id FROM territory WHERE name = ?", arguments: [name]) else {
            throw StoreError(.notFound, "no territory is named \(name); list them with outpost-server territory list")
        }
        return id
    }
}
