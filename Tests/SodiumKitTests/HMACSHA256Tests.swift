import SodiumKit
import Testing

@Suite("HMAC-SHA-256")
struct HMACSHA256Tests {
    @Test("RFC 4231 vectors: a short key and a key longer than the block")
    func rfc4231() throws {
        let short = try HMACSHA256.tag(Array("what do ya want for nothing?".utf8), key: Array("Jefe".utf8))
        #expect(GenericHash.hex(short) == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
        let long = try HMACSHA256.tag(Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8),
                                      key: [UInt8](repeating: 0xaa, count: 131))
        #expect(GenericHash.hex(long) == "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")
    }

    @Test("verify accepts the tag and refuses a changed message or key")
    func verify() throws {
        let key = Array("whsec-test".utf8)
        let tag = try HMACSHA256.tag(Array("1.body".utf8), key: key)
        #expect(try HMACSHA256.verify(tag, of: Array("1.body".utf8), key: key))
        #expect(try !HMACSHA256.verify(tag, of: Array("1.bodY".utf8), key: key))
        #expect(try !HMACSHA256.verify(tag, of: Array("1.body".utf8), key: Array("whsec-tesT".utf8)))
    }
}
