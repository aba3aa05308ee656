import CLZMA
import OutpostProtocol

/// One raw LZMA2 stream spanning all the compressed frames of one response
/// (SPEC.md §2.4): each frame is the stream's next chunk, ended by a sync flush,
/// so it decodes completely on arrival while later frames keep the dictionary of
/// the earlier ones. A new exchange (a resumed transfer too) starts a new stream.
///
/// The encoder owns liblzma state and is used by one response at a time; it is
/// deliberately not `Sendable`.
public final class LZMAStreamEncoder {
    /// The liblzma state, once set up: borrowed from `pool` for a small stream.
    private var state: LZMAEncoderPool.State?
    private var borrowed = false
    private let preset: LZMAPreset
    private let pool: LZMAEncoderPool

    /// An encoder searching as hard as `preset` says; a small stream's state comes from
    /// and goes back to `pool`.
    public convenience init(preset: LZMAPreset = .best) {
        self.init(preset: preset, pool: .shared)
    }

    init(preset: LZMAPreset, pool: LZMAEncoderPool) {
        self.preset = preset
        self.pool = pool
    }

    deinit {
        if let state, borrowed { pool.giveBack(state) }
    }

    /// `chunk` compressed as the stream's next chunk.
    public func compress(_ chunk: [UInt8]) throws(ProtocolError) -> [UInt8] {
        let state: LZMAEncoderPool.State
        if let existing = self.state { state = existing } else { state = try setUp(firstChunk: chunk.count) }
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: max(4096, chunk.count / 2))
        var status = LZMA_OK
        chunk.withUnsafeBufferPointer { input in
            state.stream.next_in = input.baseAddress
            state.stream.avail_in = input.count
            repeat {
                buffer.withUnsafeMutableBufferPointer { out in
                    state.stream.next_out = out.baseAddress
                    state.stream.avail_out = out.count
                    status = lzma_code(&state.stream, LZMA_SYNC_FLUSH)
                    output.append(contentsOf: out[..<(out.count - state.stream.avail_out)])
                }
            } while status == LZMA_OK
            state.stream.next_in = nil
            state.stream.next_out = nil
        }
        guard status == LZMA_STREAM_END else { throw ProtocolError(.malformed, "LZMA compression failed (liblzma status \(status.rawValue))") }
        return output
    }

    /// Sets the encoder up for a stream whose first chunk is `bytes` long: over a state
    /// borrowed from the pool for a small stream, over a new one for a large stream.
    private func setUp(firstChunk bytes: Int) throws(ProtocolError) -> LZMAEncoderPool.State {
        let dictionary = Self.dictionary(firstChunk: bytes)
        let small = dictionary == Self.smallDictionary
        let state = small ? pool.borrow() : LZMAEncoderPool.State()
        let status = LZMA.withFilters(dictionary: dictionary, preset: preset) { filters in
            lzma_raw_encoder(&state.stream, filters)
        }
        // A state that failed to set up is not given back: the next response starts afresh.
        guard status == LZMA_OK else { throw ProtocolError(.malformed, "the LZMA encoder could not be set up (liblzma status \(status.rawValue))") }
        self.state = state
        borrowed = small
        return state
    }
}

extension LZMAStreamEncoder {
    /// The encoder's dictionary for a stream whose first chunk is `bytes` long: the full
    /// 4 MiB when it opens a bootstrap-sized response, a small one for the small answer
    /// of a steady sync (setting up a 4 MiB encoder clears a large hash table: about a
    /// millisecond, most of the server's CPU for a one-write sync). A later, larger chunk
    /// of such a stream still compresses, with matches only as far back as the dictionary.
    static func dictionary(firstChunk bytes: Int) -> UInt32 {
        bytes >= smallResponse ? LZMA.dictionarySize : smallDictionary
    }

    /// A first chunk below this opens a small stream.
    static let smallResponse = 16 << 10
    /// The dictionary of a small stream.
    static let smallDictionary: UInt32 = 256 << 10
}

/// Decodes the chunks an ``LZMAStreamEncoder`` made, in order. Not `Sendable`,
/// like the encoder.
public final class LZMAStreamDecoder {
    private var stream = lzma_stream()
    private var ready = false

    public init() {}

    deinit { lzma_end(&stream) }

    /// The plaintext of the stream's next chunk, refusing more than `limit` bytes.
    public func decompress(_ chunk: [UInt8], limit: Int) throws(ProtocolError) -> [UInt8] {
        if !ready {
            guard LZMA.withFilters({ filters in lzma_raw_decoder(&stream, filters) }) == LZMA_OK else {
                throw ProtocolError(.malformed, "the LZMA decoder could not be set up")
            }
            ready = true
        }
        let (status, output) = LZMA.inflate(&stream, input: chunk, action: LZMA_RUN, limit: limit)
        guard status == LZMA_OK, stream.avail_in == 0, output.count <= limit else {
            ready = false
            lzma_end(&stream)
            stream = lzma_stream()
            throw ProtocolError(.malformed, "a compressed frame is corrupt, out of order, or expands beyond \(limit) bytes")
        }
        return output
    }
}
