import Foundation
import OutpostModel
import OutpostServer
import Testing

@Suite("Enrolment codes")
struct EnrolmentCodeTests {
    @Test("Codes are 12 unambiguous symbols in groups of four, and differ")
    func shape() throws {
        let a = try EnrolmentCodes.generate()
        let b = try EnrolmentCodes.generate()
        #expect(a != b)
        #expect(a.count == 14)
        #expect(a.split(separator: "-").map(\.count) == [4, 4, 4])
        #expect(!a.contains { "01OIL".contains($0) })
    }

    @Test("The hash ignores case, dashes and spaces, and never contains the code")
    func hashing() throws {
        let now = Date(timeIntervalSince1970: 1_795_000_000)
        let (code, record) = try EnrolmentCodes.issue(for: UserID(), lifetime: .seconds(3600), now: now)
        #expect(try EnrolmentCodes.hash(code.lowercased().replacingOccurrences(of: "-", with: " ")) == record.codeHash)
        #expect(!record.codeHash.contains(code.replacingOccurrences(of: "-", with: "")))
        #expect(try EnrolmentCodes.hash("AAAA-AAAA-AAAA") != record.codeHash)
        #expect(record.expiresAt == now.addingTimeInterval(3600))
    }
}
