import OutpostModel
import OutpostSQLite
import OutpostServer
import OutpostStore

extension SQLiteStore {
    /// Issues and stores a one-time enrolment code for `user`, valid ten minutes.
    func enrolmentCode(for user: User) async throws -> String {
        try await EnrolmentCodes.issue(for: user.id, lifetime: .seconds(600), in: self).code
    }
}
