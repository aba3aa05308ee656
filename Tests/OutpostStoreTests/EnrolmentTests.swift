import Foundation
import OutpostModel
import OutpostStore
import OutpostSQLite
import Testing

@Suite("Enrolment codes and devices")
struct EnrolmentTests {
    let company: SampleCompany
    let store: SQLiteStore
    let noon = instant(1_780_000_000_000)

    init() async throws {
        company = try SampleCompany()
        store = try await company.store()
    }

    func redeem(_ hash: String, at now: Date) async -> Result<EnrolmentCode, StoreError> {
        do throws(StoreError) {
            return .success(try await store.redeemEnrolmentCode(hash: hash, now: now))
        } catch {
            return .failure(error)
        }
    }

    @Test func aCodeWorksOnce() async throws {
        try await store.addEnrolmentCode(EnrolmentCode(codeHash: "h", userID: company.ana.id, expiresAt: noon.addingTimeInterval(600)))
        let first = try await redeem("h", at: noon).get()
        #expect(first.usedAt == noon)
        #expect(first.userID == company.ana.id)
        guard case let .failure(error) = await redeem("h", at: noon.addingTimeInterval(1)) else {
            Issue.record("a used code was accepted twice")
            return
        }
        #expect(error.code == .enrolmentRefused)
        #expect(error.message.contains("already used"))
    }

    @Test func anExpiredCodeIsRefused() async throws {
        try await store.addEnrolmentCode(EnrolmentCode(codeHash: "old", userID: company.ana.id, expiresAt: noon))
        guard case let .failure(error) = await redeem("old", at: noon) else {
            Issue.record("a code was accepted at its expiry instant")
            return
        }
        #expect(error.code == .enrolmentRefused)
        #expect(error.message.contains("expired"))
        // The refusal wrote nothing: the code is still unused, so an earlier clock redeems it.
        #expect(try await redeem("old", at: noon.addingTimeInterval(-10)).get().usedAt == noon.addingTimeInterval(-10))
    }

    @Test func aCodeJustBeforeExpiryWorks() async throws {
        try await store.addEnrolmentCode(EnrolmentCode(codeHash: "late", userID: company.ana.id, expiresAt: noon))
        #expect(try await redeem("late", at: noon.addingTimeInterval(-0.001)).get().usedAt != nil)
    }

    @Test func anUnknownCodeIsRefused() async throws {
        guard case let .failure(error) = await redeem("nope", at: noon) else {
            Issue.record("an unknown code was accepted")
            return
        }
        #expect(error.code == .enrolmentRefused)
        #expect(error.message.contains("unknown"))
    }

    @Test func concurrentRedemptionsLetExactlyOneThrough() async throws {
        try await store.addEnrolmentCode(EnrolmentCode(codeHash: "race", userID: company.ana.id, expiresAt: noon.addingTimeInterval(60)))
        let results = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<8 {
                group.addTask { [store, noon] in
                    (try? await store.redeemEnrolmentCode(hash: "race", now: noon)) != nil
                }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(results.filter { $0 }.count == 1)
    }

    @Test func codesNeedAnExistingUserAndAUniqueHash() async throws {
        let orphan = await storeError { () async throws(StoreError) in
            try await store.addEnrolmentCode(EnrolmentCode(codeHash: "x", userID: UserID(), expiresAt: noon))
        }
        #expect(orphan?.code == .missingReference)
        try await store.addEnrolmentCode(EnrolmentCode(codeHash: "x", userID: company.ana.id, expiresAt: noon))
        let twice = await storeError { () async throws(StoreError) in
            try await store.addEnrolmentCode(EnrolmentCode(codeHash: "x", userID: company.boss.id, expiresAt: noon))
        }
        #expect(twice?.code == .duplicate)
    }

    @Test func devicesNeedAnExistingUser() async throws {
        let missing = UserID()
        let error = await storeError { () async throws(StoreError) in
            try await store.addDevice(Device(userID: missing, label: "lost"))
        }
        #expect(error?.code == .missingReference)
        #expect(error?.message.contains("user \(missing)") == true)
        #expect(try await store.devices().isEmpty)
    }

    @Test func revokingMarksTheDeviceAndKeepsTheFirstDate() async throws {
        let device = Device(userID: company.ana.id, label: "ana-laptop", enrolledAt: noon)
        let other = Device(userID: company.boss.id, label: "boss-laptop", enrolledAt: noon.addingTimeInterval(1))
        try await store.addDevice(device)
        try await store.addDevice(other)
        try await store.revokeDevice(device.id, at: noon.addingTimeInterval(60))
        try await store.revokeDevice(device.id, at: noon.addingTimeInterval(120))
        let devices = try await store.devices()
        #expect(devices.map(\.id) == [device.id, other.id])
        #expect(devices[0].revokedAt == noon.addingTimeInterval(60))
        #expect(devices[0].isRevoked)
        #expect(!devices[1].isRevoked)
        let unknown = await storeError { () async throws(StoreError) in try await store.revokeDevice(DeviceID(), at: noon) }
        #expect(unknown?.code == .notFound)
    }
}
