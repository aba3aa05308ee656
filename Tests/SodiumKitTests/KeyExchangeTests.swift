import SodiumKit
import Testing

@Suite("KeyExchange")
struct KeyExchangeTests {
    /// The session keys a new device and a new server derive, each from its own side.
    func sessionKeysOfNewPair() throws -> (device: KeyExchange.SessionKeys, server: KeyExchange.SessionKeys) {
        let device = try KeyExchange.KeyPair.generate()
        let server = try KeyExchange.KeyPair.generate()
        return (try KeyExchange.sessionKeys(client: device, serverPublicKey: server.publicKey),
                try KeyExchange.sessionKeys(server: server, clientPublicKey: device.publicKey))
    }

    @Test("Device and server derive matching keys, one per direction")
    func keysMatchAcrossSides() throws {
        let (deviceKeys, serverKeys) = try sessionKeysOfNewPair()
        #expect(deviceKeys.transmit == serverKeys.receive)
        #expect(deviceKeys.receive == serverKeys.transmit)
        #expect(deviceKeys.transmit != deviceKeys.receive)
        #expect(deviceKeys.transmit.bytes.count == 32)
    }

    @Test("Another device gets other keys from the same server")
    func otherDeviceOtherKeys() throws {
        let server = try KeyExchange.KeyPair.generate()
        let a = try KeyExchange.sessionKeys(client: .generate(), serverPublicKey: server.publicKey)
        let b = try KeyExchange.sessionKeys(client: .generate(), serverPublicKey: server.publicKey)
        #expect(a.transmit != b.transmit)
        #expect(a.receive != b.receive)
    }

    @Test("A seed always gives the same key pair; another seed another")
    func seededKeyPairs() throws {
        let seed = [UInt8](repeating: 7, count: KeyExchange.KeyPair.seedLength)
        let first = try KeyExchange.KeyPair(seed: seed)
        let again = try KeyExchange.KeyPair(seed: seed)
        let other = try KeyExchange.KeyPair(seed: [UInt8](repeating: 8, count: 32))
        #expect(first == again)
        #expect(first.publicKey != other.publicKey)
        #expect(sodiumErrorCode { try KeyExchange.KeyPair(seed: [1, 2, 3]) } == .badLength)
    }

    @Test("Session keys sealed on one side open on the other")
    func sessionKeysWorkWithAEAD() throws {
        let (deviceKeys, serverKeys) = try sessionKeysOfNewPair()
        let nonce = AEAD.Nonce.fromCounter(1, direction: 0)
        let sealed = try AEAD.seal(Array("order 42".utf8), key: deviceKeys.transmit, nonce: nonce)
        #expect(try AEAD.open(sealed, key: serverKeys.receive, nonce: nonce) == Array("order 42".utf8))
        #expect(sodiumErrorCode { try AEAD.open(sealed, key: serverKeys.transmit, nonce: nonce) } == .authenticationFailed)
    }

    @Test("An all-zero peer public key is refused; bad lengths are typed errors")
    func badPeerKeys() throws {
        let device = try KeyExchange.KeyPair.generate()
        let zero = try KeyExchange.PublicKey([UInt8](repeating: 0, count: 32))
        #expect(sodiumErrorCode { try KeyExchange.sessionKeys(client: device, serverPublicKey: zero) } == .keyExchangeFailed)
        #expect(sodiumErrorCode { try KeyExchange.sessionKeys(server: device, clientPublicKey: zero) } == .keyExchangeFailed)
        #expect(sodiumErrorCode { try KeyExchange.PublicKey([1]) } == .badLength)
        #expect(sodiumErrorCode { try KeyExchange.SecretKey([1]) } == .badLength)
    }

    @Test("Secret keys never show their bytes")
    func redacted() throws {
        let pair = try KeyExchange.KeyPair.generate()
        #expect("\(pair.secretKey)" == "KeyExchange.SecretKey(redacted)")
        let keys = try KeyExchange.sessionKeys(client: pair, serverPublicKey: KeyExchange.KeyPair.generate().publicKey)
        #expect(!"\(keys)".contains(GenericHash.hex(keys.transmit.bytes)))
        #expect("\(keys.transmit)" == "AEAD.Key(redacted)")
    }
}
