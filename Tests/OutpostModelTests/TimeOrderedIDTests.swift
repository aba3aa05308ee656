import Foundation
import OutpostModel
import PropertyBased
import Testing

@Suite("Time-ordered ids")
struct TimeOrderedIDTests {
    /// The version nibble, the variant bits and the milliseconds of `uuid`.
    private static func fields(_ uuid: UUID) -> (version: UInt8, variant: UInt8, milliseconds: UInt64) {
        let bytes = withUnsafeBytes(of: uuid.uuid) { Array($0) }
        let milliseconds = bytes[0..<6].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        return (bytes[6] >> 4, bytes[8] >> 6, milliseconds)
    }

    @Test("An id minted in a later millisecond sorts later, as bytes and as text, whatever its random bits")
    func laterSortsLater() async {
        await propertyCheck(count: 2000, input: Gen.uint64(in: 0...(1 << 48) - 2), Gen.uint64(in: 1...1 << 20),
                            zip(Gen.uint64(), Gen.uint64()), zip(Gen.uint64(), Gen.uint64())) { start, step, firstBits, secondBits in
            let later = min(start + step, (1 << 48) - 1)
            let first = UUID.timeOrdered(unixMilliseconds: start, fraction: firstBits.0, randomBits: firstBits.1)
            let second = UUID.timeOrdered(unixMilliseconds: later, fraction: secondBits.0, randomBits: secondBits.1)
            #expect(first.uuidString < second.uuidString)
            #expect(EntityID<Account>(first) < EntityID<Account>(second))
            let bytes = [first, second].map { id in withUnsafeBytes(of: id.uuid) { Array($0) } }
            #expect(bytes[0].lexicographicallyPrecedes(bytes[1]))
            #expect(Self.fields(first).milliseconds == start && Self.fields(second).milliseconds == later)
        }
    }

    @Test("Every minted id is an RFC 9562 version 7 UUID")
    func versionAndVariant() async {
        await propertyCheck(count: 2000, input: Gen.uint64(), Gen.uint64(), Gen.uint64()) { milliseconds, fraction, random in
            let id = UUID.timeOrdered(unixMilliseconds: milliseconds, fraction: fraction, randomBits: random)
            #expect(Self.fields(id).version == 7)
            #expect(Self.fields(id).variant == 0b10)
            #expect(Self.fields(id).milliseconds == milliseconds & 0xFFFF_FFFF_FFFF)
        }
    }

    @Test("New entity ids are minted at the current time, to a fraction of a millisecond, in order")
    func newEntityIDsCarryTheTime() {
        let before = UInt64(Date().timeIntervalSince1970 * 1000)
        let ids = (0..<100).map { _ in AccountID() }
        let after = UInt64(Date().timeIntervalSince1970 * 1000)
        for id in ids {
            #expect(Self.fields(id.uuid).version == 7)
            #expect((before...after).contains(Self.fields(id.uuid).milliseconds))
        }
        #expect(Set(ids).count == ids.count)
    }

    @Test("Ids minted at later instants of one millisecond sort later: the fraction follows the clock")
    func fractionFollowsTheClock() {
        let start = Date(timeIntervalSince1970: 1_772_443_800.123)
        // Instants 1/1024 ms apart, past the Double's rounding at this magnitude.
        let texts = (0..<1000).map { UUID.timeOrdered(at: start.addingTimeInterval(Double($0) / 1_024_000)).uuidString }
        #expect(zip(texts, texts.dropFirst()).allSatisfy { $0.prefix(18) < $1.prefix(18) })
    }
}

@Suite("Short ids")
struct ShortIDTests {
    @Test("The short form is the id's last eight hex digits, the part that differs between ids minted together")
    func shortFormIsTheTail() {
        #expect(ShortID.of("0193b5e2-7c4a-7d1e-9f3b-5606d173a0b1") == "d173a0b1")
        #expect(ShortID.of("0193b5e27c4a7d1e9f3b5606d173a0b1") == "d173a0b1")
        let minutes = (0..<50).map { _ in AccountID().description }
        #expect(Set(minutes.map(ShortID.of)).count == minutes.count)
    }

    @Test("A fragment names an id by its start or its end, any case, dashes ignored", arguments: [
        ("d173a0b1", true), ("D173A0B1", true), ("a0b1", true), ("0193b5e2", true), ("0193-b5e2", true),
        ("0193b5e2-7c4a-7d1e-9f3b-5606d173a0b1", true), ("7c4a7d1e", false), ("5606d173", false),
    ])
    func fragments(text: String, names: Bool) throws {
        let fragment = try #require(IDFragment(text))
        #expect(fragment.names("0193b5e2-7c4a-7d1e-9f3b-5606d173a0b1") == names)
        #expect(fragment.names("0193b5e27c4a7d1e9f3b5606d173a0b1") == names)
    }

    @Test("Fewer than four hex digits, or anything not hex, is no fragment", arguments: ["", "a0b", "---", "d173a0bz", "Acme"])
    func notFragments(text: String) {
        #expect(IDFragment(text) == nil)
    }

    @Test("Every id is named by its short form and by its first eight digits")
    func shortFormNamesItsID() async {
        await propertyCheck(count: 1000, input: Gen.uint64(), Gen.uint64(), Gen.uint64()) { milliseconds, high, low in
            let text = EntityID<Contact>(.timeOrdered(unixMilliseconds: milliseconds, fraction: high, randomBits: low)).description
            #expect(IDFragment(ShortID.of(text))?.names(text) == true)
            #expect(IDFragment(text.prefix(8))?.names(text) == true)
            #expect(IDFragment(text)?.names(text) == true)
        }
    }
}
