import SodiumKit
import Testing

@Suite("AEAD")
struct AEADTests {
    let plaintext = Array("visit: ACME Ltd, 3 x widget, discount 5%".utf8)
    let additionalData = Array("device-17/record-42".utf8)

    @Test("Seal then open gives back the plaintext; empty messages too")
    func roundTrip() throws {
        let key = try AEAD.Key.generate()
        let nonce = try AEAD.Nonce.random()
        let sealed = try AEAD.seal(plaintext, key: key, nonce: nonce, additionalData: additionalData)
        #expect(sealed.count == plaintext.count + AEAD.tagLength)
        #expect(Array(sealed.prefix(plaintext.count)) != plaintext)
        #expect(try AEAD.open(sealed, key: key, nonce: nonce, additionalData: additionalData) == plaintext)

        let empty = try AEAD.seal([], key: key, nonce: nonce)
        #expect(empty.count == AEAD.tagLength)
        #expect(try AEAD.open(empty, key: key, nonce: nonce) == [])
    }

    @Test("Any flipped byte in ciphertext, tag, nonce, key or additional data fails")
    func tamperingFails() throws {
        let key = try AEAD.Key.generate()
        let nonce = AEAD.Nonce.fromCounter(9, direction: 1)
        let sealed = try AEAD.seal(plaintext, key: key, nonce: nonce, additionalData: additionalData)

        for i in sealed.indices { // ciphertext then tag
            #expect(sodiumErrorCode { try AEAD.open(flipped(sealed, at: i), key: key, nonce: nonce, additionalData: additionalData) } == .authenticationFailed)
        }
        for i in nonce.indices {
            #expect(sodiumErrorCode { try AEAD.open(sealed, key: key, nonce: flipped(nonce, at: i), additionalData: additionalData) } == .authenticationFailed)
        }
        for i in key.bytes.indices {
            let otherKey = try AEAD.Key(flipped(key.bytes, at: i))
            #expect(sodiumErrorCode { try AEAD.open(sealed, key: otherKey, nonce: nonce, additionalData: additionalData) } == .authenticationFailed)
        }
        for i in additionalData.indices {
            #expect(sodiumErrorCode { try AEAD.open(sealed, key: key, nonce: nonce, additionalData: flipped(additionalData, at: i)) } == .authenticationFailed)
        }
        #expect(sodiumErrorCode { try AEAD.open(sealed, key: key, nonce: nonce) } == .authenticationFailed)
        #expect(sodiumErrorCode { try AEAD.open(Array(sealed.dropLast()), key: key, nonce: nonce, additionalData: additionalData) } == .authenticationFailed)
        #expect(sodiumErrorCode { try AEAD.open(Array(sealed.prefix(5)), key: key, nonce: nonce, additionalData: additionalData) } == .authenticationFailed)
        #expect(sodiumErrorCode { try AEAD.open(sealed + [0], key: key, nonce: nonce, additionalData: additionalData) } == .authenticationFailed)
    }

    @Test("Bad key and nonce lengths are typed errors")
    func badLengths() throws {
        let key = try AEAD.Key.generate()
        #expect(sodiumErrorCode { try AEAD.Key([UInt8](repeating: 0, count: 16)) } == .badLength)
        #expect(sodiumErrorCode { try AEAD.seal([1], key: key, nonce: [UInt8](repeating: 0, count: 12)) } == .badLength)
        #expect(sodiumErrorCode { try AEAD.open([UInt8](repeating: 0, count: 32), key: key, nonce: [0]) } == .badLength)
    }

    @Test("Counter nonces: layout, and different counters or directions differ")
    func counterNonces() throws {
        let nonce = AEAD.Nonce.fromCounter(0x0102_0304_0506_0708, direction: 0xAB)
        #expect(nonce.count == AEAD.Nonce.length)
        #expect(nonce == [0xAB, 0x08, 0x07, 0x06, 0x05, 0x04, 0x03, 0x02, 0x01] + [UInt8](repeating: 0, count: 15))

        var seen = Set<[UInt8]>()
        for direction: UInt8 in [0, 1] {
            for counter: UInt64 in [0, 1, 2, 255, 256, 65_536, UInt64.max - 1, UInt64.max] {
                seen.insert(AEAD.Nonce.fromCounter(counter, direction: direction))
            }
        }
        #expect(seen.count == 16)
        #expect(try AEAD.Nonce.random() != AEAD.Nonce.random())
    }

    @Test("Keys compare by value")
    func keyEquality() throws {
        let key = try AEAD.Key.generate()
        #expect(try AEAD.Key(key.bytes) == key)
        #expect(try AEAD.Key.generate() != key)
    }
}
