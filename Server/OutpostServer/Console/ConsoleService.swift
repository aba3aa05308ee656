public import Foundation
import HubCore
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
    /// The hub the console's writes go through, as a device's would.
    let hub: SyncHub<SQLiteStore>
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
        hub = SyncHub(ledger: store, limits: ConsoleWriter.limits)
        writer = ConsoleWriter(store: store, hub: hub)
        self.signIns = signIns
        self.secureCookies = secureCookies
        self.now = now
    }
}

extension ConsoleService {
    /// The territories `user` holds, as their devices would.
    func scope(of user: OutpostModel.User) async throws -> Set<TerritoryID> { try await hub.territories(of: user) }
}

/// The hub told the console device of a disabled user to wipe.
struct ConsoleUserRevoked: Error {}

/// Makes the console's changes one at a time, each as one request of the user's
/// console device pushed through the hub — the same scope, role and order-state
/// checks, the same hub stamps, the same feed events as a device's — so the change
/// reaches every device in scope at its next sync. A console device's counters are
/// read and then used by its push, so two changes must not interleave. One server
/// process per database file.
actor ConsoleWriter {
    /// The console's request limits: one change set per request, never rate-limited
    /// (the hub does not charge pushes; only the sync transports authorise).
    static let limits = HubLimits(maxWritesPerRequest: 10_000, burst: 1, requestsPerSecond: 1)

    private let store: SQLiteStore
    private let hub: SyncHub<SQLiteStore>

    init(store: SQLiteStore, hub: SyncHub<SQLiteStore>) {
        self.store = store
        self.hub = hub
    }

    /// Writes `changes` as `user`.
    /// - Throws: ``ConsoleWriteRefused`` with the hub's reason when a write is refused.
    func write(_ changes: [ConsoleChange], as user: OutpostModel.User, now: Date) async throws {
        // A disabled user's device uploads before it wipes; the console has nothing to
        // upload, so it refuses before writing anything.
        guard try await !store.disabledUsers().contains(user.id) else { throw ConsoleUserRevoked() }
        let prepared = try await store.consoleRequest(changes, as: user, now: now)
        guard !prepared.writes.isEmpty else { return }
        let request = DeviceRequest(device: prepared.device, counter: prepared.counter, cursor: .start, writes: prepared.writes)
        guard case .applied(let report) = try await hub.push(request, now: now) else {
            throw ConsoleUserRevoked()
        }
        let counters = Set(prepared.writes.map(\.dot.counter))
        for outcome in report.outcome.outcomes where counters.contains(outcome.counter) {
            if case .refused(_, let message) = outcome.result { throw ConsoleWriteRefused(message: message) }
        }
    }
}
