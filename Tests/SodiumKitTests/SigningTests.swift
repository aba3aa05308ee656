import SodiumKit
import Testing

@Suite("Signing")
struct SigningTests {
    @Test("A signature verifies; a tampered message, signature or other key does not")
    func signAndVerify() throws {
        let pair = try SigningKeyPair.generate()
        let message = Array("enrol device 17 for territory north".utf8)
        let signature = pair.sign(message)
        #expect(signature.count == Signing.signatureLength)
        #expect(Signing.verify(signature: signature, message: message, publicKey: pair.publicKey))

        for i in message.indices {
            #expect(!Signing.verify(signature: signature, message: flipped(message, at: i), publicKey: pair.publicKey))
        }
        for i in signature.indices {
            #expect(!Signing.verify(signature: flipped(signature, at: i), message: message, publicKey: pair.publicKey))
        }
        #expect(!Signing.verify(signature: signature, message: message + [0], publicKey: pair.publicKey))
        #expect(!Signing.verify(signature: Array(signature.dropLast()), message: message, publicKey: pair.publicKey))
        #expect(!Signing.verify(signature: signature, message: message, publicKey: try SigningKeyPair.generate().publicKey))
    }

    @Test("Empty messages sign and verify")
    func emptyMessage() throws {
        let pair = try SigningKeyPair.generate()
        #expect(Signing.verify(signature: pair.sign([]), message: [], publicKey: pair.publicKey))
        #expect(!Signing.verify(signature: pair.sign([]), message: [0], publicKey: pair.publicKey))
    }

    @Test("RFC 8032 Ed25519 test 1: seed gives the published public key and signature")
    func rfc8032Test1() throws {
        let pair = try SigningKeyPair(seed: bytes(hex: "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"))
        #expect(GenericHash.hex(pair.publicKey.bytes) == "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a")
        let signature = pair.sign([])
        #expect(GenericHash.hex(signature) == "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b")
        #expect(Signing.verify(signature: signature, message: [], publicKey: pair.publicKey))
    }

    @Test("Seeds are deterministic; bad lengths are typed errors; secrets are redacted")
    func seedsAndErrors() throws {
        let seed = [UInt8](repeating: 5, count: SigningKeyPair.seedLength)
        #expect(try SigningKeyPair(seed: seed) == SigningKeyPair(seed: seed))
        #expect(sodiumErrorCode { try SigningKeyPair(seed: [1]) } == .badLength)
        #expect(sodiumErrorCode { try Signing.PublicKey([1]) } == .badLength)
        let pair = try SigningKeyPair(seed: seed)
        #expect(sodiumErrorCode { try SigningKeyPair(publicKey: pair.publicKey, secretKeyBytes: [1]) } == .badLength)
        #expect(!"\(pair)".contains(GenericHash.hex(Array(pair.secretKeyBytes.prefix(32)))))
    }
}
