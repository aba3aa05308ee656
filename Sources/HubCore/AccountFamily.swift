import MergeEngine
import OutpostModel
import OutpostReplication

/// The records that route through an account: its contacts, opportunities and
/// activities, the quotes of those opportunities and the orders of those quotes, and the
/// documents attached to any of them or to the account. When
/// the account moves, each of them moves with it, so they reach the new territory's
/// devices and no longer reach the old one's.
enum AccountFamily {
    /// Every record routed through `account`, which was in `territory` until now.
    static func members(of account: AccountID, in territory: TerritoryID, _ ledger: some LedgerReader) throws -> [RecordID] {
        var members = try ledger.children(of: account)
        var parents = Set(members + [RecordID(account)])
        // Quotes, orders and documents route by parent record; they are found among the
        // old territory's records of their kinds, each kind after the parents it names.
        let routed = try ledger.records(RecordSelection(territories: [territory], includeGlobal: false), after: 0, through: nil, limit: .max)
        for kind in [ReplicatedKind.quote, .order, .document] {
            for record in routed where record.kind == kind {
                guard let decoded = try? kind.decode(recordID: record.state.id, fields: record.state.view(policy: .updateWins).values),
                      let parent = decoded.route.parent?.id, parents.contains(parent)
                else { continue }
                members.append(record.state.id)
                parents.insert(record.state.id)
            }
        }
        return members
    }
}
