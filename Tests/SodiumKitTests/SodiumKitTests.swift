import SodiumKit
import Testing

@Suite("SodiumKit")
struct SodiumKitTests {
    @Test("BLAKE2b-256 of the empty message matches the published test vector")
    func emptyMessageVector() throws {
        let digest = try GenericHash.hash([])
        #expect(GenericHash.hex(digest) == "0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8")
    }

    @Test("Keyed BLAKE2b (the replica's key-file derivation) matches the reference implementation's vectors")
    func keyedVectors() throws {
        // BLAKE2's blake2b-kat.txt, first keyed entry: empty input, key 00 01 … 3f.
        #expect(GenericHash.hex(try GenericHash.hash([], outputLength: 64, key: [UInt8](0...63))) ==
            "10ebb67700b1868efb4417987acf4690ae9d972fb7a590c2f02871799aaa4786b5e996e8f0f4eb981fc214b005f42d2ff4233499391653df7aefcbc13fc51568")
        // Python's hashlib.blake2b(b"outpost key file", key=bytes(range(16)), digest_size=32).
        #expect(GenericHash.hex(try GenericHash.hash(Array("outpost key file".utf8), key: [UInt8](0...15))) ==
            "2e37e36d35e4e98b8c5c3e88aceeaae952b618633f69d152935a20fedb878f59")
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
