import Foundation
import MergeEngine
@testable import OutpostSQLite
import Testing

@Suite("Decoded delivery states: each stored state decoded once, never a stale one")
struct DecodedStatesTests {
    /// Decodes by making a state whose type is the stored bytes' first byte, counting the calls.
    private final class Decoder {
        var calls = 0
        func decode(_ id: RecordID) -> (Data) -> RecordState {
            { stored in
                self.calls += 1
                return RecordState(id: id, type: RecordTypeID(UInt16(stored.first ?? 0)))
            }
        }
    }

    private func id(_ n: UInt64) -> RecordID { RecordID(high: 1, low: n) }

    @Test("The same stored bytes are decoded once; a record stored again since is decoded afresh")
    func sameBytesOnce() {
        let states = DecodedStates()
        let decoder = Decoder()
        let first = states.state(of: id(1), stored: Data([7, 1, 2]), decode: decoder.decode(id(1)))
        let again = states.state(of: id(1), stored: Data([7, 1, 2]), decode: decoder.decode(id(1)))
        #expect(first == again && first.type == RecordTypeID(7))
        #expect(decoder.calls == 1)
        let saved = states.state(of: id(1), stored: Data([9, 1, 2]), decode: decoder.decode(id(1)))
        #expect(saved.type == RecordTypeID(9))
        #expect(decoder.calls == 2)
        let other = states.state(of: id(2), stored: Data([7, 1, 2]), decode: decoder.decode(id(2)))
        #expect(other.id == id(2))
        #expect(decoder.calls == 3)
    }

    @Test("At most two generations of the capacity are kept; a record read again stays")
    func bounded() {
        let states = DecodedStates(capacity: 4)
        let decoder = Decoder()
        let stored = Data([3])
        for n in UInt64(0)..<4 { _ = states.state(of: id(n), stored: stored, decode: decoder.decode(id(n))) }
        // The fifth record starts a new generation: the first four are the previous one.
        _ = states.state(of: id(4), stored: stored, decode: decoder.decode(id(4)))
        // Record 0 is found in the previous generation and moves to the current one.
        _ = states.state(of: id(0), stored: stored, decode: decoder.decode(id(0)))
        #expect(decoder.calls == 5)
        // Two more fill the current generation (4, 0, 5, 6); the third, 7, starts another,
        // which drops 1, 2 and 3.
        for n in UInt64(5)..<8 { _ = states.state(of: id(n), stored: stored, decode: decoder.decode(id(n))) }
        #expect(decoder.calls == 8)
        _ = states.state(of: id(0), stored: stored, decode: decoder.decode(id(0)))
        #expect(decoder.calls == 8)
        _ = states.state(of: id(1), stored: stored, decode: decoder.decode(id(1)))
        #expect(decoder.calls == 9)
    }
}
