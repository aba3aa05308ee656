public import Foundation
import OutpostModel
public import OutpostSQLite

/// The browser console for managers and the order desk, served under `/console/` on
/// the HTTP port (see ARCHITECTURE.md, the browser console). It reads the store,
/// writes through ``ConsoleWriter`` as the signed-in user, and signs people in with a
/// password or a one-time link.
public struct ConsoleService: Sendable {
    /// How long a session lives without a request.
    public static let idleLimit: TimeInterval = 8 * 3600
    /// How long a sign-in link works.
    public static let linkLifetime: TimeInterval = 15 * 60

    let store: SQLiteStore
    let writer: ConsoleWriter
    let signIns: SignInLimiter
    /// Whether cookies carry `Secure` (the server or a proxy in front of it speaks TLS).
    let secureCookies: Bool
    /// The server's clock; tests move it.
    let now: @Sendable () -> Date

    /// A console on `store`.
    /// - Parameters:
    ///   - secureCookies: mark cookies `Secure`: set it when TLS is on.
    ///   - signIns: the failed sign-in limits (by default 5 tries per user name, then one a minute).
    ///   - now: the clock (sessions, links, snapshots); the system's by default.
    public init(store: SQLiteStore, secureCookies: Bool = false, signIns: SignInLimiter = SignInLimiter(),
                now: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        writer = ConsoleWriter(store: store)
        self.signIns = signIns
        self.secureCookies = secureCookies
        self.now = now
    }
}

/// Makes the console's changes one at a time: a console device's write counter is
/// read and then used by its push (``SQLiteStore/consoleWrite(_:as:now:)``), so two
/// changes of one user must not interleave. One server process per database file.
actor ConsoleWriter {
    private let store: SQLiteStore

    init(store: SQLiteStore) { self.store = store }

    /// Writes `changes` as `user`; see ``SQLiteStore/consoleWrite(_:as:now:)``.
    func write(_ changes: [ConsoleChange], as user: OutpostModel.User, now: Date) async throws {
        try await store.consoleWrite(changes, as: user, now: now)
    }
}
