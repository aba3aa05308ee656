@testable import FieldClient
import ByteCoding
import Foundation
import MergeEngine
import PropertyBased
import SodiumKit
import Testing

/// A group of record states (how the replica keeps a bootstrap's records) against random
/// members: what is sealed opens as it was, and any altered byte is refused.
@Suite("Groups of record states, sealed and opened")
struct StateGroupProperties {
    @Test("A sealed group opens to its members, summaries included, or to their columns and summaries alone; one flipped byte anywhere is refused as corrupt")
    func roundTripAndTamper() async throws {
        let cipher = ReplicaCipher(key: try AEAD.Key.generate())
        let member = zip(Gen.uint64(), Gen.int(in: 0...3))
        await propertyCheck(count: 200, input: member.array(of: 1...40), Gen.uint8(in: 0...3).array(of: 0...300), Gen.int(in: 0...1_000_000)) { seeds, state, flip in
            let members = seeds.enumerated().map { index, seed in
                let (value, routing) = seed
                let route = Data(RecordID(high: value, low: UInt64(index)).bytes)
                return StateGroup.Member(id: RecordID(high: value, low: UInt64(index) + 1), kind: Int64(routing) - 1,
                                         territory: routing == 1 ? route : nil, parent: routing >= 2 ? route : nil,
                                         state: Array(state.prefix(index * 7)),
                                         summary: value % 3 == 0 ? nil : Array(state.suffix(Int(value % 61))))
            }
            let group = StateGroup(members: members)
            let sealed = try group.sealed(cipher)
            #expect(try StateGroup.open(sealed, cipher) == group)
            let withoutStates = StateGroup(members: members.map { member in
                var member = member
                member.state = []
                return member
            })
            #expect(try StateGroup.open(sealed, cipher, states: false) == withoutStates)
            var altered = sealed
            altered[flip % sealed.count] ^= 0x01
            #expect(throws: ReplicaError.self) { try StateGroup.open(altered, cipher) }
        }
    }

    @Test("A group in the layout before summaries (01) opens, its members without summaries")
    func layoutWithoutSummariesOpens() throws {
        let cipher = ReplicaCipher(key: try AEAD.Key.generate())
        let account = Data(RecordID(high: 7, low: 1).bytes)
        var writer = ByteWriter()
        writer.byte(1)
        writer.varint(2)
        for (low, parent) in [(UInt64(2), account as Data?), (3, nil)] {
            writer.raw(RecordID(high: 7, low: low).bytes)
            writer.signed(6)
            writer.byte(0)
            if let parent {
                writer.byte(1)
                writer.raw(parent)
            } else {
                writer.byte(0)
            }
            writer.lengthPrefixed([UInt8](repeating: UInt8(low), count: 5))
        }
        let sealed = try cipher.seal(try ZstdBlock.compress(writer.bytes), .stateGroup)
        #expect(try StateGroup.open(sealed, cipher) == StateGroup(members: [
            StateGroup.Member(id: RecordID(high: 7, low: 2), kind: 6, territory: nil, parent: account, state: [2, 2, 2, 2, 2]),
            StateGroup.Member(id: RecordID(high: 7, low: 3), kind: 6, territory: nil, parent: nil, state: [3, 3, 3, 3, 3]),
        ]))
    }
}
