import Foundation
import OutpostModel
import OutpostStore
import StoreTestSupport
import Testing

/// The directory (territories, users, devices) behaves the same on every backend:
/// the same test code runs on SQLite and on PostgreSQL.
@Suite("Directory store, on each backend")
struct DirectoryStoreTests {
    @Test("The PostgreSQL half runs on PostgreSQL 15 or newer", .needsPostgres)
    func postgresServer() async throws {
        #expect(try await TestPostgres.serverMajorVersion() >= 15)
    }

    @Test("Territories list parents first, siblings by name; a taken name, an unknown parent and a cycle are refused",
          arguments: StoreBackend.allCases)
    func territories(backend: StoreBackend) async throws {
        try await backend.withDirectory { store in
            let world = Territory(name: "World")
            let emea = Territory(name: "EMEA", parentID: world.id)
            let apac = Territory(name: "APAC", parentID: world.id)
            let dach = Territory(name: "DACH", parentID: emea.id)
            for territory in [world, emea, dach, apac] { try await store.addTerritory(territory) }
            #expect(try await store.territories().map(\.name) == ["World", "APAC", "EMEA", "DACH"])

            await expectRefusal(.duplicate) { try await store.addTerritory(Territory(name: "EMEA")) }
            await expectRefusal(.duplicate) { try await store.addTerritory(Territory(id: dach.id, name: "Elsewhere")) }
            await expectRefusal(.missingReference) {
                try await store.addTerritory(Territory(name: "Orphan", parentID: TerritoryID()))
            }
            await expectRefusal(.invalid) { try await store.addTerritory(Territory(name: "")) }
            await expectRefusal(.invalid) { try await store.moveTerritory(emea.id, under: dach.id) }
            await expectRefusal(.notFound) { try await store.moveTerritory(TerritoryID(), under: nil) }
            #expect(try await store.territories().count == 4)

            try await store.moveTerritory(dach.id, under: apac.id)
            try await store.moveTerritory(emea.id, under: nil)
            #expect(try await store.territories().map(\.name) == ["EMEA", "World", "APAC", "DACH"])
            #expect(try await store.territories().first { $0.id == dach.id }?.parentID == apac.id)

            // Values are bound parameters, never SQL text.
            let odd = Territory(name: #"O'Brien"); DROP TABLE territory; --"#)
            try await store.addTerritory(odd)
            #expect(try await store.territories().contains(odd))
        }
    }

    @Test("A territory is renamed; it is removed only when empty, and the refusal says what it holds",
          arguments: StoreBackend.allCases)
    func renameAndRemove(backend: StoreBackend) async throws {
        try await backend.withDirectory { store in
            let dach = Territory(name: "DACH")
            let bavaria = Territory(name: "Bavaria", parentID: dach.id)
            try await store.addTerritory(dach)
            try await store.addTerritory(bavaria)
            try await store.addUser(User(name: "ana.lopez", displayName: "Ana", role: .rep, territoryIDs: [bavaria.id]))

            try await store.renameTerritory(bavaria.id, to: "Bavaria North")
            #expect(try await store.territories().map(\.name) == ["DACH", "Bavaria North"])
            await expectRefusal(.duplicate) { try await store.renameTerritory(bavaria.id, to: "DACH") }
            await expectRefusal(.invalid) { try await store.renameTerritory(bavaria.id, to: "") }
            await expectRefusal(.notFound) { try await store.renameTerritory(TerritoryID(), to: "Nowhere") }

            await #expect { try await store.removeTerritory(dach.id, now: Date()) } throws: { error in
                "\(error)" == "territory DACH still holds 1 child territories; move or remove them first (territory move, "
                    + "user assign, import with other territories)"
            }
            await #expect { try await store.removeTerritory(bavaria.id, now: Date()) } throws: { error in
                "\(error)".hasPrefix("territory Bavaria North still holds 1 assigned users;")
            }
            let ana = try #require(try await store.user(named: "ana.lopez"))
            try await store.assign(ana.id, to: [])
            try await store.removeTerritory(bavaria.id, now: Date())
            try await store.removeTerritory(dach.id, now: Date())
            #expect(try await store.territories().isEmpty)
            await expectRefusal(.notFound) { try await store.removeTerritory(dach.id, now: Date()) }
        }
    }

    @Test("Users keep their territories in order; a bad territory writes nothing; assign replaces; disable and enable",
          arguments: StoreBackend.allCases)
    func users(backend: StoreBackend) async throws {
        try await backend.withDirectory { store in
            let bavaria = Territory(name: "Bavaria")
            let swabia = Territory(name: "Swabia")
            for territory in [bavaria, swabia] { try await store.addTerritory(territory) }
            let ana = User(name: "ana.lopez", displayName: "Ana López", role: .rep, territoryIDs: [swabia.id, bavaria.id])
            let dash = User(name: "ana-m", displayName: "Ana M", role: .manager)
            let underscore = User(name: "ana_a", displayName: "Ana A", role: .desk)
            for user in [ana, underscore, dash] { try await store.addUser(user) }
            // Byte order, as SQLite compares ('-' < '.' < '_'), whatever the database's collation.
            #expect(try await store.users() == [dash, ana, underscore])
            #expect(try await store.user(named: "ana.lopez") == ana)
            #expect(try await store.user(named: "nobody") == nil)

            await expectRefusal(.missingReference) {
                try await store.addUser(User(name: "lost", displayName: "Lost", role: .rep, territoryIDs: [TerritoryID()]))
            }
            #expect(try await store.user(named: "lost") == nil)
            await expectRefusal(.duplicate) { try await store.addUser(User(name: "ana.lopez", displayName: "Twin", role: .rep)) }

            try await store.assign(ana.id, to: [bavaria.id])
            #expect(try await store.user(named: "ana.lopez")?.territoryIDs == [bavaria.id])
            await expectRefusal(.invalid) { try await store.assign(ana.id, to: [bavaria.id, bavaria.id]) }
            await expectRefusal(.notFound) { try await store.assign(UserID(), to: []) }
            #expect(try await store.user(named: "ana.lopez")?.territoryIDs == [bavaria.id])

            try await store.setUserDisabled(ana.id, at: Date())
            #expect(try await store.disabledUsers() == [ana.id])
            try await store.setUserDisabled(ana.id, at: nil)
            #expect(try await store.disabledUsers().isEmpty)
            await expectRefusal(.notFound) { try await store.setUserDisabled(UserID(), at: Date()) }
        }
    }

    @Test("Devices list by enrolment; revoking keeps the first date; a revoked device cannot be retired",
          arguments: StoreBackend.allCases)
    func devices(backend: StoreBackend) async throws {
        try await backend.withDirectory { store in
            let ana = User(name: "ana.lopez", displayName: "Ana", role: .rep)
            try await store.addUser(ana)
            let early = Date(timeIntervalSince1970: 1_780_000_000.123)
            let late = early.addingTimeInterval(3600)
            let laptop = Device(userID: ana.id, label: "laptop", publicKey: Array(repeating: 7, count: 32), enrolledAt: late)
            let phone = Device(userID: ana.id, label: "phone", publicKey: nil, enrolledAt: early)
            let pending = Device(userID: ana.id, label: "pending", publicKey: nil, enrolledAt: nil)
            for device in [laptop, pending, phone] { try await store.addDevice(device) }
            #expect(try await store.devices() == [phone, laptop, pending])
            await expectRefusal(.missingReference) {
                try await store.addDevice(Device(userID: UserID(), label: "stray", enrolledAt: early))
            }

            try await store.revokeDevice(phone.id, at: late)
            try await store.revokeDevice(phone.id, at: late.addingTimeInterval(60))
            #expect(try await store.devices().first { $0.id == phone.id }?.revokedAt == late)
            await expectRefusal(.notFound) { try await store.revokeDevice(DeviceID(), at: late) }

            try await store.retireDevice(laptop.id, at: early)
            try await store.retireDevice(laptop.id, at: late)
            #expect(try await store.deviceRetirements() == [laptop.id: early])
            await expectRefusal(.invalid) { try await store.retireDevice(phone.id, at: late) }
            await expectRefusal(.notFound) { try await store.retireDevice(DeviceID(), at: late) }
        }
    }
}

/// Expects `body` to throw a `StoreError` with code `expected`: tests compare what went
/// wrong across backends, which word their messages each their own way.
func expectRefusal(_ expected: StoreError.Code, sourceLocation: SourceLocation = #_sourceLocation,
                   _ body: () async throws -> Void) async {
    await #expect(sourceLocation: sourceLocation) { try await body() } throws: { error in
        (error as? StoreError)?.code == expected
    }
}
