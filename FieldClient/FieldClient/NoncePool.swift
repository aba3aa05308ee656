import Synchronization
import SodiumKit

/// Random nonces for the replica's seals, cut from one draw of the CSPRNG at a time:
/// a bootstrap seals hundreds of thousands of values, and one `getrandom` call per nonce
/// cost more than the encryption of a small value.
///
/// Each nonce is 24 bytes of the CSPRNG's output never handed out before (the pool
/// moves past them under its lock), so they are as unpredictable and as unlikely to
/// repeat as nonces drawn one by one.
final class NoncePool: Sendable {
    /// How many nonces one draw holds.
    static let noncesPerDraw = 256

    private let state = Mutex<(bytes: [UInt8], next: Int)>(([], 0))

    /// The next unused nonce.
    func next() throws(SodiumError) -> [UInt8] {
        let length = AEAD.Nonce.length
        return try state.withLock { (state) throws(SodiumError) -> [UInt8] in
            if state.next + length > state.bytes.count {
                state.bytes = try SecureRandom.bytes(length * Self.noncesPerDraw)
                state.next = 0
            }
            defer { state.next += length }
            return Array(state.bytes[state.next..<state.next + length])
        }
    }
}
