public import MergeEngine
public import OutpostModel
import OutpostReplication

/// The records that route through an account: its contacts, opportunities and
/// activities, the quotes of those opportunities and the orders of those quotes. When
/// the account moves, each of them moves with it, so they reach the new territory's
/// devices and no longer reach the old one's.
public enum AccountFamily {
    /// Moves the family of `account` (already stored in `territory`) from `old`: each
    /// member is rerouted at a sequence value of `nextSequence`, and the account's
    /// departure from `old` is recorded at `seq`, so the old territory's devices evict
    /// it and, with it, every record that routes through it.
    public static func move(_ account: AccountID, from old: TerritoryID, to territory: TerritoryID, seq: UInt64,
                            in ledger: some LedgerTransaction, nextSequence: () throws -> UInt64) throws {
        for member in try members(of: RecordID(account), ledger) {
            try ledger.reroute(member, to: territory, seq: try nextSequence())
        }
        try ledger.addDeparture(RecordID(account), from: old, seq: seq)
    }

    /// Every record routed through `account`, each after the record it routes through,
    /// found by the stored parents (one read per member).
    static func members(of account: RecordID, _ ledger: some LedgerReader) throws -> [RecordID] {
        var members: [RecordID] = []
        var next = 0
        var parents = [account]
        while next < parents.count {
            let children = try ledger.children(of: parents[next])
            next += 1
            members += children
            parents += children
        }
        return members
    }
}
