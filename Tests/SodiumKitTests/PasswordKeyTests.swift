import SodiumKit
import Testing

@Suite("PasswordKey")
struct PasswordKeyTests {
    /// The fastest limits libsodium accepts, to keep tests quick.
    func derive(_ passphrase: String, _ salt: [UInt8], length: Int = 32) throws(SodiumError) -> [UInt8] {
        try PasswordKey.derive(passphrase: passphrase, salt: salt, length: length,
                               opslimit: PasswordKey.minimumOpsLimit, memlimit: PasswordKey.minimumMemLimit)
    }

    @Test("Same passphrase and salt give the same key; another salt or passphrase another")
    func deterministic() throws {
        let salt = try PasswordKey.salt()
        let otherSalt = try PasswordKey.salt()
        #expect(salt.count == PasswordKey.saltLength)
        #expect(salt != otherSalt)

        let key = try derive("correct horse battery staple", salt)
        #expect(key.count == 32)
        #expect(try derive("correct horse battery staple", salt) == key)
        #expect(try PasswordKey.derive(passphrase: Array("correct horse battery staple".utf8), salt: salt,
                                       opslimit: PasswordKey.minimumOpsLimit, memlimit: PasswordKey.minimumMemLimit) == key)
        #expect(try derive("correct horse battery staple", otherSalt) != key)
        #expect(try derive("correct horse battery stapler", salt) != key)
        #expect(try derive("", salt).count == 32)
        #expect(try derive("x", salt, length: 64).count == 64)
    }

    @Test("Other limits give another key")
    func limitsMatter() throws {
        let salt = [UInt8](repeating: 3, count: PasswordKey.saltLength)
        let fast = try derive("pass", salt)
        let slower = try PasswordKey.derive(passphrase: "pass", salt: salt, opslimit: 2, memlimit: PasswordKey.minimumMemLimit)
        #expect(fast != slower)
    }

    @Test("The derived key works as an AEAD key")
    func derivedKeyUnlocksRecords() throws {
        let salt = try PasswordKey.salt()
        let key = try AEAD.Key(derive("replica passphrase", salt))
        let nonce = try AEAD.Nonce.random()
        let sealed = try AEAD.seal([1, 2, 3], key: key, nonce: nonce)
        let reopened = try AEAD.Key(derive("replica passphrase", salt))
        #expect(try AEAD.open(sealed, key: reopened, nonce: nonce) == [1, 2, 3])
        let wrong = try AEAD.Key(derive("wrong passphrase", salt))
        #expect(sodiumErrorCode { try AEAD.open(sealed, key: wrong, nonce: nonce) } == .authenticationFailed)
    }

    @Test("Interactive defaults are libsodium's")
    func interactiveDefaults() {
        #expect(PasswordKey.interactiveOpsLimit == 2)
        #expect(PasswordKey.interactiveMemLimit == 64 * 1024 * 1024)
        #expect(PasswordKey.saltLength == 16)
    }

    @Test("Bad salts, lengths and limits are typed errors")
    func badInputs() {
        #expect(sodiumErrorCode { try derive("p", [1, 2, 3]) } == .badLength)
        #expect(sodiumErrorCode { try derive("p", [UInt8](repeating: 0, count: 16), length: 8) } == .badLength)
        #expect(sodiumErrorCode {
            try PasswordKey.derive(passphrase: "p", salt: [UInt8](repeating: 0, count: 16), opslimit: 0, memlimit: PasswordKey.minimumMemLimit)
        } == .badParameter)
        #expect(sodiumErrorCode {
            try PasswordKey.derive(passphrase: "p", salt: [UInt8](repeating: 0, count: 16), opslimit: 1, memlimit: 1024)
        } == .badParameter)
    }
}
