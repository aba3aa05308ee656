@testable import FieldClient
import Foundation
import MergeEngine
import PropertyBased
import SodiumKit
import Testing

/// A group of record states (how the replica keeps a bootstrap's records) against random
/// members: what is sealed opens as it was, and any altered byte is refused.
@Suite("Groups of record states, sealed and opened")
struct StateGroupProperties {
    @Test("A sealed group opens to its members; one flipped byte anywhere is refused as corrupt")
    func roundTripAndTamper() async throws {
        let cipher = ReplicaCipher(key: try AEAD.Key.generate())
        let member = zip(Gen.uint64(), Gen.int(in: 0...3))
        await propertyCheck(count: 200, input: member.array(of: 1...40), Gen.uint8(in: 0...3).array(of: 0...300), Gen.int(in: 0...1_000_000)) { seeds, state, flip in
            let members = seeds.enumerated().map { index, seed in
                let (value, routing) = seed
                let route = Data(RecordID(high: value, low: UInt64(index)).bytes)
                return StateGroup.Member(id: RecordID(high: value, low: UInt64(index) + 1), kind: Int64(routing) - 1,
                                         territory: routing == 1 ? route : nil, parent: routing >= 2 ? route : nil,
                                         state: Array(state.prefix(index * 7)))
            }
            let group = StateGroup(members: members)
            let sealed = try group.sealed(cipher)
            #expect(try StateGroup.open(sealed, cipher) == group)
            var altered = sealed
            altered[flip % sealed.count] ^= 0x01
            #expect(throws: ReplicaError.self) { try StateGroup.open(altered, cipher) }
        }
    }
}
