import SeededRandom
import PropertyBased
import Testing
@testable import MergeEngine

/// State-level laws of ``RecordState/join(_:)``, on genuinely concurrent states:
/// three independent stampers (multi-hub) write to one record and gossip, and
/// snapshots taken along the way are joined in every arrangement.
@Suite("Join is a semilattice")
struct LatticeProperties {
    @Test("Join is commutative, associative and idempotent; gossip converges")
    func laws() async throws {
        await propertyCheck(count: 20_000, input: Gen.uint64().array(of: 5...40)) { steps in
            let id = RecordID(high: 1, low: 1)
            let stampers = (0..<3).map { ReplicaID(10 + UInt32($0)) }
            var states = stampers.map { _ in RecordState(id: id, type: Fixture.account) }
            var counters = [UInt64](repeating: 0, count: 3)
            var snapshots: [RecordState] = states
            var writer: UInt32 = 200
            for step in steps {
                var rng = SplitMix(seed: step)
                let i = rng.below(3)
                if rng.chance(60) {
                    counters[i] += 1
                    writer += 1
                    let field = FieldID(UInt16(rng.below(3)))
                    let operation: WriteOperation = switch rng.below(10) {
                    case 0: .delete
                    case 1: .restore(fields: [:])
                    default: .update(fields: [field: .int(Int64(rng.below(50)))])
                    }
                    let write = Write(
                        dot: Dot(replica: ReplicaID(writer), counter: 1), record: id,
                        context: states[i].context, operation: operation, time: Fixture.noon)
                    states[i].apply(write, stamp: Dot(replica: stampers[i], counter: counters[i]))
                } else {
                    try states[i].join(states[rng.below(3)])
                }
                snapshots.append(states[i])
            }
            var rng = SplitMix(seed: steps.first ?? 0)
            let a = snapshots[rng.below(snapshots.count)]
            let b = snapshots[rng.below(snapshots.count)]
            let c = snapshots[rng.below(snapshots.count)]
            #expect(try a.joined(with: b) == b.joined(with: a))
            #expect(try a.joined(with: b).joined(with: c) == a.joined(with: b.joined(with: c)))
            #expect(try a.joined(with: a) == a)
            #expect(try a.joined(with: b).joined(with: b) == a.joined(with: b))
            // Every entry is covered by its state's context.
            let ab = try a.joined(with: b)
            #expect(ab.fields.allSatisfy { $0.siblings.allSatisfy { ab.context.contains($0.stamp) } })
            // Full gossip converges to one state, whatever the order.
            let forward = try states.dropFirst().reduce(states[0]) { try $0.joined(with: $1) }
            let backward = try states.dropLast().reversed().reduce(states[2]) { try $0.joined(with: $1) }
            #expect(forward == backward)
            #expect(forward.view(policy: .updateWins) == backward.view(policy: .updateWins))
        }
    }
}
