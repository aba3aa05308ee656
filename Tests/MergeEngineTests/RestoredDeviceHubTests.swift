import HubCore
import HubTestSupport
import MergeEngine
import OutpostModel
import OutpostReplication
import Testing

private let name = HubHarness.field("name")

/// The shipped hub facing a device restored from an older copy of its replica, or after
/// the server lost writes: outcomes go to the write they belong to, and a write number
/// the hub cannot place is answered `renumber`, never skipped or deferred in silence.
@Suite("The shipped hub: reused and gapped write numbers")
struct RestoredDeviceHubTests {
    static let identityA = WriteIdentity(digest: Array(repeating: 0xA, count: 16))
    static let identityB = WriteIdentity(digest: Array(repeating: 0xB, count: 16))

    @Test("A write reusing a processed number gets no outcome of the write it replaced, and is answered renumber; the same write gets its outcome")
    func reusedNumber() async throws {
        var harness = HubHarness(devices: 1)
        let account = harness.account("Acme")
        let create = harness.devices[0].write(account.recordID, .create(type: ReplicatedKind.account.typeID, fields: account.fields), at: Fixture.noon)
        let first = try await harness.push(1, [create], identities: [1: Self.identityA])
        #expect(first.appliedThrough == 1 && first.outcomes.map(\.counter) == [1] && first.renumberFrom == nil)
        // The same write again (its answer was lost): the same outcome.
        #expect(try await harness.push(2, [create], identities: [1: Self.identityA]).outcomes.map(\.counter) == [1])
        // Another write under number 1 (a replica restored from an older copy).
        let otherAccount = harness.account("Other")
        var other = harness.devices[0].write(otherAccount.recordID, .create(type: ReplicatedKind.account.typeID, fields: otherAccount.fields),
                                             at: Fixture.noon)
        other.dot.counter = 1
        let reused = try await harness.push(3, [other], identities: [1: Self.identityB])
        #expect(reused.renumberFrom == 1 && reused.outcomes.isEmpty && reused.appliedThrough == 1)
        // Renumbered after applied-through, it is applied.
        other.dot.counter = 2
        let renumbered = try await harness.push(4, [other], identities: [2: Self.identityB])
        #expect(renumbered.renumberFrom == nil && renumbered.appliedThrough == 2 && renumbered.outcomes.map(\.counter) == [2])
        #expect(try await harness.state(other.record) != nil)
    }

    @Test("A write number after a gap, or one whose outcome was already taken in, is answered renumber and not applied")
    func gapAndForgottenOutcome() async throws {
        var harness = HubHarness(devices: 1)
        let account = harness.account("Acme")
        let create = harness.devices[0].write(account.recordID, .create(type: ReplicatedKind.account.typeID, fields: account.fields), at: Fixture.noon)
        var rename = harness.devices[0].write(account.recordID, .update(fields: [name: .string("Acme 2")]), at: Fixture.noon)
        #expect(try await harness.push(1, [create]).appliedThrough == 1)
        #expect(try await harness.push(2, []).outcomes.isEmpty, "an empty request shows the hub every outcome was taken in")
        // Write 1 again, though its outcome was taken in: it is another write under a reused number.
        let again = try await harness.push(3, [create])
        #expect(again.renumberFrom == 1 && again.outcomes.isEmpty)
        // Write 4 while the hub applied through 1: a gap (the server lost writes 2 and 3).
        rename.dot.counter = 4
        let gapped = try await harness.push(4, [rename])
        #expect(gapped.renumberFrom == 4 && gapped.appliedThrough == 1)
        #expect(try #require(try await harness.state(account.recordID)).view(policy: .updateWins).values[name] != .string("Acme 2"))
        rename.dot.counter = 2
        #expect(try await harness.push(5, [rename]).appliedThrough == 2)
        #expect(try #require(try await harness.state(account.recordID)).view(policy: .updateWins).values[name] == .string("Acme 2"))
    }
}
