import SodiumKit
import Testing

@Suite("PasswordHash")
struct PasswordHashTests {
    @Test("A stored Argon2id hash verifies its password only; each hash has its own salt; garbage never verifies")
    func hashAndVerify() throws {
        let stored = try PasswordHash.hash("correct horse battery", opslimit: PasswordKey.minimumOpsLimit, memlimit: PasswordKey.minimumMemLimit)
        #expect(stored.hasPrefix("$argon2id$"))
        #expect(PasswordHash.verify("correct horse battery", against: stored))
        #expect(!PasswordHash.verify("correct horse batterz", against: stored))
        #expect(!PasswordHash.verify("", against: stored))
        let again = try PasswordHash.hash("correct horse battery", opslimit: PasswordKey.minimumOpsLimit, memlimit: PasswordKey.minimumMemLimit)
        #expect(again != stored, "a fresh salt per hash")
        #expect(!PasswordHash.verify("correct horse battery", against: "not a hash"))
        #expect(!PasswordHash.verify("correct horse battery", against: ""))
    }
}
