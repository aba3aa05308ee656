public import Foundation
public import OutpostModel
public import OutpostPostgres
public import OutpostSQLite
public import OutpostStore
import SodiumKit
import SyncChannel

/// One-time enrolment codes: short enough to read over the phone, strong enough
/// that only their BLAKE2b hash needs storing.
///
/// A code is 12 symbols from a 31-letter alphabet without look-alikes
/// (no 0/O, 1/I/L), so about 59 bits, shown as `ABCD-EFGH-JKMN`. Codes expire and
/// are single-use; the store keeps only the hash of the normalised code.
public enum EnrolmentCodes {
    static let alphabet = Array("ABCDEFGHJKMNPQRSTUVWXYZ23456789")

    /// A fresh random code, grouped for reading: `ABCD-EFGH-JKMN`.
    public static func generate() throws -> String {
        var symbols: [Character] = []
        for _ in 0..<12 {
            symbols.append(alphabet[Int(try SecureRandom.uniform(below: UInt32(alphabet.count)))])
        }
        return stride(from: 0, to: 12, by: 4).map { String(symbols[$0..<$0 + 4]) }.joined(separator: "-")
    }

    /// The stored hash of a code as a person may type it (any case, with or without
    /// dashes or spaces): the code id a device sends when it enrols.
    public static func hash(_ typed: String) throws -> String {
        GenericHash.hex(try EnrolmentSeal.codeID(typed))
    }

    /// A new code for `user`, valid for `lifetime` from `now`: the code to show and the record to store.
    public static func issue(for user: UserID, lifetime: Duration, now: Date = Date()) throws -> (code: String, record: EnrolmentCode) {
        let code = try generate()
        let expiry = now.addingTimeInterval(TimeInterval(lifetime.components.seconds))
        return (code, EnrolmentCode(codeHash: try hash(code), userID: user, expiresAt: expiry,
                                    sealKey: try EnrolmentSeal.key(code).bytes))
    }

    /// Issues a code for `user` as ``issue(for:lifetime:now:)`` does and stores it in `store`.
    public static func issue(for user: UserID, lifetime: Duration, in store: some EnrolmentCodeStore,
                             now: Date = Date()) async throws -> (code: String, record: EnrolmentCode) {
        let issued = try issue(for: user, lifetime: lifetime, now: now)
        try await store.addEnrolmentCode(issued.record)
        return issued
    }
}

/// A store that keeps enrolment codes: either backend.
public protocol EnrolmentCodeStore: DirectoryStore {
    /// Stores an enrolment code (its hash and its sealed key).
    func addEnrolmentCode(_ code: EnrolmentCode) async throws(StoreError)
}

extension SQLiteStore: EnrolmentCodeStore {}
extension PostgresStore: EnrolmentCodeStore {}
