@testable import FieldClient
import Foundation
import GRDB
import OutpostReplication
import SodiumKit
import Testing

@Suite("Unlocking and the passphrase, with the real outpost", .serialized)
struct ReplicaKeyTests {
    @Test("outpost unlock keeps the key in the kernel keyring under the kernel's timeout, never in the replica folder; lock ends it at once",
          .timeLimit(.minutes(5)))
    func unlockKeepsNoKeyOnDisk() async throws {
        try await LiveHub.with { hub in
            let rep = try await hub.enrol(hub.company.repNorth)
            let description = UnlockCache(folder: rep.folder).description
            let unlock = try await OutpostProcess.run(["unlock", "--hours", "1"], replica: rep.folder)
            #expect(unlock.status == 0, "\(unlock.output)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: rep.folder.path).allSatisfy { $0.hasPrefix(Replica.fileName) },
                    "outpost unlock wrote a file into the replica folder")
            #expect(UnlockCache(folder: rep.folder).read() != nil, "the kernel keyring does not hold the unlocked key")
            let kept = try #require(try Self.keyringLine(description), "no key \(description) in the kernel keyring")
            // /proc/keys: serial, flags, usage, timeout ("perm" for a key that never expires), …
            let timeout = kept.split(separator: " ", omittingEmptySubsequences: true)[3]
            #expect(timeout != "perm" && "smhdw".contains(timeout.last ?? "p"), "\(kept)")

            #expect(try await OutpostProcess.run(["status"], replica: rep.folder, passphrase: nil).status == 0)
            let copy = hub.folder.appendingPathComponent("copied-replica")
            try FileManager.default.copyItem(at: rep.folder, to: copy)
            let copied = try await OutpostProcess.run(["status"], replica: copy, passphrase: nil)
            #expect(copied.status != 0 && copied.output.contains("locked"), "a copy of the folder opened without the passphrase: \(copied.output)")

            #expect(try await OutpostProcess.run(["lock"], replica: rep.folder, passphrase: nil).status == 0)
            #expect(UnlockCache(folder: rep.folder).remove() == false, "outpost lock left the key usable")
            let locked = try await OutpostProcess.run(["status"], replica: rep.folder, passphrase: nil)
            #expect(locked.status != 0 && locked.output.contains("locked"), "\(locked.output)")
        }
    }

    @Test("outpost passphrase change re-wraps the replica key at Argon2id's moderate limits; passphrases under 12 characters are refused",
          .timeLimit(.minutes(3)))
    func passphraseChange() async throws {
        try await LiveHub.with { hub in
            let short = try await OutpostProcess.run(
                ["enrol", "--server", hub.serverURL, "--code", try await hub.code(for: hub.company.repNorth)],
                replica: hub.folder.appendingPathComponent("short"), passphrase: "elevenchars")
            #expect(short.status != 0 && short.output.contains("at least 12 characters"), "\(short.output)")

            let rep = try await hub.bootstrapped(hub.company.repNorth)
            let accounts = try rep.counts()[.account]
            let tooShort = try await OutpostProcess.run(["passphrase", "change"], replica: rep.folder,
                                                        environment: ["OUTPOST_NEW_PASSPHRASE": "short one"])
            #expect(tooShort.status != 0 && tooShort.output.contains("at least 12 characters"), "\(tooShort.output)")
            #expect(try await OutpostProcess.run(["status"], replica: rep.folder).status == 0)

            let newPassphrase = "a longer passphrase for the new quarter"
            let change = try await OutpostProcess.run(["passphrase", "change"], replica: rep.folder,
                                                      environment: ["OUTPOST_NEW_PASSPHRASE": newPassphrase])
            #expect(change.status == 0, "\(change.output)")
            let old = try await OutpostProcess.run(["status"], replica: rep.folder)
            #expect(old.status != 0 && old.output.contains("wrong passphrase"), "\(old.output)")
            #expect(try await OutpostProcess.run(["status"], replica: rep.folder, passphrase: newPassphrase).status == 0)
            #expect(try Replica.open(rep.folder, secret: .passphrase(text: newPassphrase)).counts()[.account] == accounts)

            let limits = try await rep.database.read { db in try Row.fetchOne(db, sql: "SELECT opslimit, memlimit FROM keyslot") }
            #expect((limits?[0] as Int64?).map { UInt64($0) >= PasswordKey.moderateOpsLimit } == true)
            #expect((limits?[1] as Int64?).map { Int($0) >= PasswordKey.moderateMemLimit } == true)
        }
    }

    /// The line of /proc/keys describing the key `description`, if the kernel holds it.
    ///
    /// The kernel hands the listing out a page per `read(2)`, and a short read is not its
    /// end (a reader that stops there misses every key past the first page), so this
    /// reads until the kernel says the end.
    static func keyringLine(_ description: String) throws -> String? {
        let file = open("/proc/keys", O_RDONLY)
        guard file >= 0 else { throw CocoaError(.fileReadNoPermission) }
        defer { close(file) }
        var listing: [UInt8] = []
        var page = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = read(file, &page, page.count)
            guard count >= 0 else { throw CocoaError(.fileReadUnknown) }
            if count == 0 { break }
            listing += page[..<count]
        }
        return String(decoding: listing, as: UTF8.self).split(separator: "\n")
            .first { $0.contains(" \(description):") }.map(String.init)
    }
}
