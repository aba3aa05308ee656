import SodiumKit
import Testing

@Suite("SodiumKit")
struct SodiumKitTests {
    @Test("BLAKE2b-256 of the empty message matches the published test vector")
    func emptyMessageVector() throws {
        let digest = try GenericHash.hash([])
        #expect(GenericHash.hex(digest) == "0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8")
    }

    @Test("A keyed hash differs from the unkeyed one and from another key's")
    func keyedHashesDiffer() throws {
        let message = Array("ana.lopez@acme.example".utf8)
        let plain = try GenericHash.hash(message)
        let keyA = try GenericHash.hash(message, key: [UInt8](repeating: 1, count: 32))
        let keyB = try GenericHash.hash(message, key: [UInt8](repeating: 2, count: 32))
        #expect(plain != keyA)
        #expect(keyA != keyB)
    }

    @Test("Lengths outside libsodium's limits are refused with a typed error")
    func badLengths() {
        #expect(throws: SodiumError(.badLength, "BLAKE2b output must be 16 to 64 bytes (asked for 8)")) {
            try GenericHash.hash([1], outputLength: 8)
        }
        #expect(throws: SodiumError.self) { try GenericHash.hash([1], key: [1, 2, 3]) }
    }

    @Test("Random bytes have the asked length and do not repeat")
    func randomBytes() throws {
        let a = try SecureRandom.bytes(32)
        let b = try SecureRandom.bytes(32)
        #expect(a.count == 32)
        #expect(a != b)
        for _ in 0..<1000 { #expect(try SecureRandom.uniform(below: 7) < 7) }
    }
}
