import CLZMA
import PropertyBased
@testable import SyncChannel
import Testing

/// Response encoders set up over a kept liblzma state (``LZMAEncoderPool``) against new
/// ones: the same bytes, whatever the earlier responses were.
@Suite("Response encoders over kept states")
struct LZMAEncoderPoolTests {
    /// Whether `pool` hands out a state an encoder used (liblzma set it up), rather than a
    /// new one; the state borrowed to find out goes back.
    static func holdsKept(_ pool: LZMAEncoderPool) -> Bool {
        let state = pool.borrow()
        defer { pool.giveBack(state) }
        return state.stream.internal != nil
    }

    @Test("A small response compressed over a state a longer one used is byte for byte what a new state gives, and decodes")
    func reusedStateCompressesAlike() async throws {
        let chunk = Gen.uint8(in: 0...7).array(of: 96...3000)
        await propertyCheck(count: 60, input: chunk.array(of: 1...4), chunk.array(of: 1...4)) { earlier, later in
            let pool = LZMAEncoderPool(keeping: 1)
            let first = LZMAStreamEncoder(preset: ResponseFrames.streamPreset, pool: pool)
            for part in earlier { _ = try first.compress(part) }
            _ = consume first
            #expect(Self.holdsKept(pool))

            let reused = LZMAStreamEncoder(preset: ResponseFrames.streamPreset, pool: pool)
            let fresh = LZMAStreamEncoder(preset: ResponseFrames.streamPreset, pool: LZMAEncoderPool(keeping: 0))
            let decoder = LZMAStreamDecoder()
            for part in later {
                let bytes = try reused.compress(part)
                #expect(!Self.holdsKept(pool), "the kept state was borrowed")
                #expect(bytes == (try fresh.compress(part)))
                #expect(try decoder.decompress(bytes, limit: 1 << 20) == part)
            }
        }
    }

    @Test("A bootstrap-sized stream is set up afresh and not kept; the pool keeps no more than it may")
    func largeStreamsAreNotKept() throws {
        let pool = LZMAEncoderPool(keeping: 1)
        let large = LZMAStreamEncoder(preset: ResponseFrames.streamPreset, pool: pool)
        _ = try large.compress([UInt8](repeating: 7, count: LZMAStreamEncoder.smallResponse))
        _ = consume large
        #expect(!Self.holdsKept(pool))
        let encoders = (0..<3).map { _ in LZMAStreamEncoder(preset: ResponseFrames.streamPreset, pool: pool) }
        for encoder in encoders { _ = try encoder.compress([UInt8](repeating: 1, count: 200)) }
        _ = consume encoders
        // Three given back, one kept: the first borrow finds it, the second a new state.
        let first = pool.borrow(), second = pool.borrow()
        #expect(first.stream.internal != nil && second.stream.internal == nil)
    }
}
