import Foundation
import OutpostSQLite

/// A fresh folder under the temporary directory with a SQLite database, `hq.sqlite`,
/// holding a new ``TestCompany``: what every end-to-end hub starts from.
struct CompanyDatabase {
    let folder: URL
    /// The database file's path.
    let path: String
    let company: TestCompany
    let store: SQLiteStore

    /// Creates the folder (named `prefix` and a UUID) and the database, and inserts the company.
    init(_ prefix: String) async throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        path = folder.appendingPathComponent("hq.sqlite").path
        company = TestCompany()
        store = try SQLiteStore(path: path)
        try await store.insert(company.batch)
    }
}
