@testable import FieldClient
import ByteCoding
import Foundation
import GRDB
import MergeEngine
import StateCoding
import OutpostModel
import OutpostProtocol
import OutpostReplication
import OutpostSQLite
import OutpostStore
import SodiumKit
import Testing

@Suite("The replica encrypted at rest", .serialized)
struct ReplicaAtRestTests {
    /// A secret that never opens anything, for opens that must not need one.
    let noSecret: () throws(ReplicaError) -> ReplicaSecret = { () throws(ReplicaError) in
        throw ReplicaError(.locked, "this test gives no secret")
    }

    @Test("After a real bootstrap, an accepted edit, a refusal and a pending edit, no replica file holds a name, e-mail, amount or key")
    func noPlaintextOnDisk() async throws {
        try await LiveHub.with { hub, company in
            let secret = SensitiveRecords(territory: company.north, owner: company.repNorth)
            try await hub.store.insert(secret.batch)
            let rep = try await hub.bootstrapped(company.repNorth)
            #expect(try rep.record(RecordID(secret.account.id)) != nil)

            let city = try #require(ReplicatedKind.account.fieldID(named: "city"))
            let phone = try #require(ReplicatedKind.account.fieldID(named: "phone"))
            try rep.update(RecordID(secret.account.id), fields: [city: .string("Quxbridge-Nord")])
            try rep.create(Account(territoryID: company.south.id, name: "Sneaky Vortex GmbH"))
            #expect(try await sync(rep).rejected == 1)
            try rep.update(RecordID(secret.account.id), fields: [phone: .string("+49 40 5550 1234")])
            let refusal = try #require(try rep.rejectedWrites().first)
            #expect(try rep.check() == ReplicaCheck(records: try rep.counts().values.reduce(0, +), pending: 1, rejected: 1))

            var needles: [String: [UInt8]] = [
                "refused account name": Array("Sneaky Vortex GmbH".utf8),
                "accepted edit": Array("Quxbridge-Nord".utf8),
                "pending edit": Array("+49 40 5550 1234".utf8),
                "refusal message": Array(refusal.message.utf8),
                "user name": Array("rep.north".utf8),
                "user's display name": Array("Nora North".utf8),
                "device secret key": try rep.identity().secretKey,
            ]
            for account in company.accounts(in: company.north) + [secret.account] { needles["account \(account.name)"] = Array(account.name.utf8) }
            for contact in secret.contacts { needles["e-mail \(contact.email!.value)"] = Array(contact.email!.value.utf8) }
            for opportunity in company.opportunities.filter({ $0.ownerID == company.repNorth.id }) + [secret.opportunity] {
                var amount = ByteWriter()
                ValueCodec.write(.decimal(units: opportunity.amount.minorUnits, scale: UInt8(opportunity.amount.currency.scale)), to: &amount)
                needles["amount \(opportunity.amount.minorUnits)"] = amount.bytes
                needles["amount text \(opportunity.amount.minorUnits)"] = Array(String(opportunity.amount.minorUnits).utf8)
            }

            let replicaFiles = try filesBytes(in: rep.folder)
            #expect(replicaFiles.count > 10_000)
            for (what, needle) in needles.sorted(by: { $0.key < $1.key }) {
                #expect(replicaFiles.range(of: Data(needle)) == nil, "the replica files hold the \(what) in clear")
            }
            // The needles are real: the server's database holds them in clear, and a record
            // state's plaintext encoding holds its amount.
            let serverFiles = try filesBytes(in: hub.folder, prefix: "hq.sqlite")
            #expect(serverFiles.range(of: Data(secret.account.name.utf8)) != nil)
            #expect(serverFiles.range(of: Data(secret.contacts[0].email!.value.utf8)) != nil)
            let opportunity = try #require(try rep.record(RecordID(secret.opportunity.id)))
            let amount = try #require(needles["amount \(secret.opportunity.amount.minorUnits)"])
            #expect(Data(RecordStateCodec.encode(opportunity.state)).range(of: Data(amount)) != nil)
        }
    }

    /// Bootstraps the north rep and edits `edited` (north accounts, by index): accepted,
    /// their states are stored again each in its row, out of the group that kept them.
    static func repWithEdited(_ hub: LiveHub, _ edited: [Int]) async throws -> (Replica, [RecordID]) {
        let rep = try await hub.bootstrapped(hub.company.repNorth)
        let accounts = hub.company.accounts(in: hub.company.north).map { RecordID($0.id) }
        for index in edited { try rep.update(accounts[index], fields: [try ConvergenceTests.field(.account, "phone"): .string("+49 40 30\(index)")]) }
        _ = try await sync(rep)
        let grouped = try await rep.database.read { db in
            try accounts.map { try Int64.fetchOne(db, sql: "SELECT state_group FROM record WHERE id = ?", arguments: [Data($0.bytes)]) != nil }
        }
        #expect(grouped == accounts.indices.map { !edited.contains($0) }, "the bootstrap groups states; an accepted edit takes its record out")
        return (rep, accounts)
    }

    @Test("A flipped byte in a stored ciphertext is reported as corrupt, never used; records sealed apart still open")
    func flippedByte() async throws {
        try await LiveHub.with { hub in
            let (rep, accounts) = try await Self.repWithEdited(hub, [1])
            let (sealed, sharing) = try await rep.database.read { db in
                let group = try Int64.fetchOne(db, sql: "SELECT state_group FROM record WHERE id = ?", arguments: [Data(accounts[0].bytes)])
                return (try storedSeal(db, of: accounts[0]), try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM record WHERE state_group = ?", arguments: [group]) ?? 0)
            }
            let file = rep.folder.appendingPathComponent(Replica.fileName)
            var bytes = try Data(contentsOf: file)
            let offset = try #require(bytes.range(of: sealed)?.lowerBound)
            bytes[offset + sealed.count / 2] ^= 0x20
            try bytes.write(to: file)

            // Every record whose state the altered group keeps is reported, and none is used.
            let reopened = try Replica.open(rep.folder, secret: LiveHub.passphrase)
            #expect(sharing > 1)
            #expect(try reopened.check().problems.count == sharing)
            #expect(code { _ = try reopened.record(accounts[0]) } == .corrupt)
            #expect(code { _ = try reopened.records(of: .account) } == .corrupt)
            #expect(try reopened.record(accounts[1]) != nil)
        }
    }

    @Test("A ciphertext moved to another record, a changed routing column beside it, or a row left by its group does not open")
    func swappedRows() async throws {
        try await LiveHub.with { hub in
            let (rep, accounts) = try await Self.repWithEdited(hub, [0, 1])
            let ids = accounts.map { Data($0.bytes) }
            try await rep.database.write { db in
                // A state sealed in its row, given to another record's row.
                let state = try Data.fetchOne(db, sql: "SELECT state FROM record WHERE id = ?", arguments: [ids[0]])
                try db.execute(sql: "UPDATE record SET state = ? WHERE id = ?", arguments: [state, ids[1]])
                // A record whose group keeps its state, moved to another territory.
                try db.execute(sql: "UPDATE record SET territory = ? WHERE id = ?", arguments: [Data(RecordID(hub.company.south.id).bytes), ids[2]])
            }
            #expect(try rep.record(accounts[0]) != nil)
            for index in [1, 2] { #expect(code { _ = try rep.record(accounts[index]) } == .corrupt) }

            // A row still naming a group that no longer keeps its record.
            let contact = try #require(hub.company.contacts.first { $0.accountID == hub.company.accounts(in: hub.company.north)[2].id })
            #expect(try rep.record(RecordID(contact.id)) != nil)
            try await rep.database.write { db in
                let group = try #require(try Int64.fetchOne(db, sql: "SELECT state_group FROM record WHERE id = ?", arguments: [Data(RecordID(contact.id).bytes)]))
                try rep.prune(db, group, removing: [RecordID(contact.id)])
            }
            #expect(code { _ = try rep.record(RecordID(contact.id)) } == .corrupt)
        }
    }

    @Test("A wrong passphrase, or a key file for a passphrase replica, is refused and changes nothing")
    func wrongPassphrase() async throws {
        try await LiveHub.with { hub in
            let rep = try await hub.bootstrapped(hub.company.repNorth)
            let folder = rep.folder
            let before = try snapshot(folder)
            let wrong = ReplicaSecret.passphrase(text: "incorrect horse battery staple")
            #expect(code { _ = try Replica.open(folder, secret: wrong) } == .wrongKey)
            #expect(code { try Replica.unlock(folder, secret: wrong) } == .wrongKey)
            #expect(code { _ = try Replica.open(folder, secret: .keyFile(hub.folder.appendingPathComponent("none.key"))) } == .wrongKey)
            #expect(try snapshot(folder) == before)
            #expect(UnlockCache(folder: folder).remove() == false)
            #expect(try Replica.open(folder, secret: LiveHub.passphrase).counts()[.account] == 3)
        }
    }

    @Test("A key file made at enrolment (0600) opens the replica; another key file, a passphrase or a readable key file do not")
    func keyFile() async throws {
        try await LiveHub.with { hub in
            let keyURL = hub.folder.appendingPathComponent("device.key")
            let rep = try await hub.enrol(hub.company.repNorth, secret: .keyFile(keyURL))
            #expect(try Data(contentsOf: keyURL).count == ReplicaSecret.minimumKeyFileLength)
            #expect(try mode(keyURL) == 0o600)
            #expect(try mode(rep.folder.appendingPathComponent(Replica.fileName)) == 0o600)
            #expect(try mode(rep.folder) == 0o700)
            _ = try await sync(rep)
            #expect(try Replica.open(rep.folder, secret: .keyFile(keyURL)).counts()[.account] == 3)

            let otherURL = hub.folder.appendingPathComponent("other.key")
            try PrivateFile.create(otherURL, contents: try SecureRandom.bytes(32))
            #expect(code { _ = try Replica.open(rep.folder, secret: .keyFile(otherURL)) } == .wrongKey)
            #expect(code { _ = try Replica.open(rep.folder, secret: LiveHub.passphrase) } == .wrongKey)
            try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: keyURL.path)
            #expect(code { _ = try Replica.open(rep.folder, secret: .keyFile(keyURL)) } == .invalid)
        }
    }

    @Test("Unlock lets later opens skip the secret until lock; the key is kept for this folder's path only")
    func unlockAndLock() async throws {
        try await LiveHub.with { hub in
            let rep = try await hub.enrol(hub.company.repNorth)
            let folder = rep.folder
            #expect(code { _ = try Replica.open(folder, secret: noSecret) } == .locked)

            #expect(try Replica.unlock(folder, secret: LiveHub.passphrase, for: .seconds(3600)) > Date())
            #expect(try Replica.open(folder, secret: noSecret).identity().userName == "rep.north")
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).allSatisfy { $0.hasPrefix(Replica.fileName) })
            // Another folder (here a copy of this one) is not unlocked by it.
            let copy = hub.folder.appendingPathComponent("copy")
            try FileManager.default.copyItem(at: folder, to: copy)
            #expect(code { _ = try Replica.open(copy, secret: noSecret) } == .locked)
            #expect(Replica.lock(folder))
            #expect(UnlockCache(folder: folder).remove() == false)
            #expect(code { _ = try Replica.open(folder, secret: noSecret) } == .locked)
        }
    }

    @Test("A revoked device's wipe removes the replica, its unlocked key and its key file")
    func wipeRemovesKeys() async throws {
        try await LiveHub.with { hub in
            let keyURL = hub.folder.appendingPathComponent("wiped.key")
            let rep = try await hub.enrol(hub.company.repNorth, secret: .keyFile(keyURL))
            _ = try await sync(rep)
            try Replica.unlock(rep.folder, secret: .keyFile(keyURL))
            let device = try #require(try await hub.store.devices().first)
            try await hub.store.revokeDevice(device.id, at: Date())

            var wipe: ReplicaError.Code?
            do { _ = try await sync(rep) } catch let error as ReplicaError { wipe = error.code }
            #expect(wipe == .revoked)
            for url in [rep.folder.appendingPathComponent(Replica.fileName), keyURL] {
                #expect(!FileManager.default.fileExists(atPath: url.path), "\(url.lastPathComponent) survived the wipe")
            }
            #expect(UnlockCache(folder: rep.folder).remove() == false, "the unlocked key survived the wipe")
        }
    }

    // MARK: Helpers

    func code(_ body: () throws -> Void) -> ReplicaError.Code? {
        do { try body() } catch let error as ReplicaError { return error.code } catch { return nil }
        return nil
    }

    /// The bytes of every file in `folder` (whose name starts with `prefix`), one after another.
    func filesBytes(in folder: URL, prefix: String = "") throws -> Data {
        var all = Data()
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() where name.hasPrefix(prefix) {
            var isDirectory: ObjCBool = false
            let path = folder.appendingPathComponent(name).path
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                all.append(try Data(contentsOf: URL(fileURLWithPath: path)))
            }
        }
        return all
    }

    /// Every file of `folder` by name, with its bytes and modification time.
    func snapshot(_ folder: URL) throws -> [String: String] {
        var files: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            let url = folder.appendingPathComponent(name)
            let modified = try FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date
            files[name] = "\(try Data(contentsOf: url).hashValue) \(modified?.timeIntervalSince1970 ?? 0)"
        }
        return files
    }

    func mode(_ url: URL) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int ?? 0) & 0o777
    }
}

/// Records with distinctive names, an e-mail address and an amount, to look for in
/// the replica's files.
struct SensitiveRecords {
    let account: Account
    let contacts: [Contact]
    let opportunity: Opportunity

    init(territory: Territory, owner: User) {
        account = Account(territoryID: territory.id, name: "Zephyr Optics Hamburg", city: "Hamburg", country: "DE")
        contacts = [
            Contact(accountID: account.id, firstName: "Ines", lastName: "Quarz", email: try! EmailAddress("ines.quarz@zephyr-optics.example")),
            Contact(accountID: account.id, firstName: "Olaf", lastName: "Brill", email: try! EmailAddress("olaf.brill@zephyr-optics.example")),
        ]
        opportunity = Opportunity(accountID: account.id, ownerID: owner.id, name: "Lens line retrofit", stage: .qualification,
                                  amount: Money(minorUnits: 98_765_432, currency: .eur), closeDate: try! CalendarDay(year: 2026, month: 12, day: 1))
    }

    var batch: RecordBatch {
        var batch = RecordBatch()
        batch.accounts = [account]
        batch.contacts = contacts
        batch.opportunities = [opportunity]
        return batch
    }
}
