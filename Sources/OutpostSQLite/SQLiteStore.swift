public import Foundation
import GRDB
import HubCore
import MergeEngine
public import OutpostModel
public import OutpostStore

/// The server's store in one SQLite file, through GRDB.
///
/// A file store is a `DatabasePool` in WAL mode: reads run concurrently with the
/// single writer; `foreign_keys` is on, and a locked database is retried for
/// `busyTimeout` before failing. Every method runs in one transaction and maps
/// every SQLite failure to a `StoreError` whose message says what to do.
///
/// The schema is brought up to date by named, append-only migrations when the
/// store opens (see `Migrations` and `Schema`).
public final class SQLiteStore: OutpostStore {
    /// How long a write waits for a lock held by another connection or process.
    public static let busyTimeout: TimeInterval = 5

    /// The database file, or `nil` for a temporary in-memory store.
    public let path: String?

    let writer: any DatabaseWriter
    /// The key file's key, which seals the server's secrets in the database.
    let secrets: ServerSecrets
    /// The sync ledger's write transactions, committed in groups (``GroupCommit``).
    let groupCommit: GroupCommit
    /// The states the hub's delivery pages decoded lately, shared by every sync (``DecodedStates``).
    let decodedStates = DecodedStates()
    /// Publishes each newly enrolled device's name (``DeviceNames``) for as long as the store lives.
    private let deviceNaming: AnyDatabaseCancellable

    private init(writer: any DatabaseWriter, path: String?, secrets: ServerSecrets) {
        self.writer = writer
        self.path = path
        self.secrets = secrets
        self.deviceNaming = DeviceNames.observe(writer)
        self.groupCommit = GroupCommit(writer: writer)
    }

    /// Opens (creating it if needed) the database file at `path` and migrates it.
    ///
    /// A new file is created readable by its owner alone (mode 0600), with its key file
    /// (``ServerSecrets``) beside it; an existing one that others may read is refused
    /// with the `chmod` to run. On every open the file, its `-wal` and `-shm` are set to
    /// 0600 again.
    ///
    /// - Throws: `.database` when the file cannot be opened, may be read by others, is
    ///   not an Outpost database, was written by a newer Outpost whose migrations this
    ///   build lacks, or its secrets are sealed and its key file is missing.
    public convenience init(path: String) throws(StoreError) {
        if !FileManager.default.fileExists(atPath: path) {
            FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
        } else {
            try PrivateFile.require(path, holding: "the server's data and sealed keys")
        }
        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: path, configuration: Self.configuration())
            // A sync's ack promises the write is kept. GRDB opens WAL with synchronous
            // NORMAL, which survives a killed process but may lose the last commits to a
            // power cut; FULL syncs the log on every commit (one fsync per sync request
            // or import, not per row). The pool's one writer connection keeps it.
            try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        } catch {
            throw StoreError.from(error, doing: "opening the database \(path)")
        }
        let files = [path, path + "-wal", path + "-shm"]
        PrivateFile.restrict(files)
        let secrets = try ServerSecrets.load(forDatabase: path, mayCreate: !(try Self.holdsSealedSecrets(pool, describedAs: path)))
        try Self.migrate(pool, describedAs: path, secrets: secrets)
        PrivateFile.restrict(files)
        self.init(writer: pool, path: path, secrets: secrets)
    }

    /// A fresh, migrated, private in-memory store, for tests and dry runs.
    ///
    /// It is a `DatabaseQueue` on `:memory:`: same schema, constraints and
    /// behaviour as a file store, but no WAL (WAL needs a file) and no concurrent
    /// reads. Its content disappears with the value.
    public static func temporary() throws(StoreError) -> SQLiteStore {
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(configuration: configuration())
        } catch {
            throw StoreError.from(error, doing: "opening an in-memory database")
        }
        let secrets = try ServerSecrets.throwaway()
        try migrate(queue, describedAs: "the in-memory database", secrets: secrets)
        return SQLiteStore(writer: queue, path: nil, secrets: secrets)
    }

    static func configuration() -> Configuration {
        var configuration = Configuration()
        configuration.label = "Outpost"
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(busyTimeout)
        configuration.prepareDatabase { db in
            // 64 MiB of page cache per connection instead of SQLite's 2 MiB: bulk inserts
            // touch random pages of the UUID indexes, and re-reading them dominates otherwise.
            try db.execute(sql: "PRAGMA cache_size = -65536")
            // Statement journals in memory: every sync's transaction runs in a savepoint of
            // its group (``GroupCommit``), and SQLite keeps, for each page a savepoint changes
            // that the group had already changed, its earlier content in a statement journal,
            // by default a temporary file (two `pwrite`s per page). It matters only to roll a
            // savepoint back inside a live transaction; crash recovery reads the WAL alone.
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
        }
        return configuration
    }

    private static func migrate(_ writer: any DatabaseWriter, describedAs name: String, secrets: ServerSecrets) throws(StoreError) {
        let migrator = Migrations.migrator(sealingWith: secrets)
        do {
            let superseded = try writer.read { db in try migrator.hasBeenSuperseded(db) }
            guard !superseded else {
                throw StoreError(.database, "\(name) was written by a newer Outpost (it has schema migrations this "
                    + "build does not know); upgrade outpost-server or restore a backup")
            }
            try migrator.migrate(writer)
        } catch {
            throw StoreError.from(error, doing: "migrating \(name)")
        }
    }

    // MARK: Transactions

    /// Runs `body` in one write transaction; any failure rolls it back.
    func write<T: Sendable>(_ action: String, _ body: @Sendable (Database) throws -> T) async throws(StoreError) -> T {
        do {
            return try await writer.write(body)
        } catch {
            throw StoreError.from(error, doing: action)
        }
    }

    /// Runs `body` in one read transaction (a snapshot).
    func read<T: Sendable>(_ action: String, _ body: @Sendable (Database) throws -> T) async throws(StoreError) -> T {
        do {
            return try await writer.read(body)
        } catch {
            throw StoreError.from(error, doing: action)
        }
    }

    // MARK: Bulk

    /// Inserts the batch in one transaction, parents before children, or nothing.
    public func insert(_ batch: RecordBatch) async throws(StoreError) {
        do throws(StoreError) {
            try batch.validateRecords()
            try await write("inserting a batch of \(batch.count) records") { [secrets] db in try batch.insertRecords(db, secrets: secrets) }
        } catch where error.code != .database {
            throw StoreError(error.code, error.message + "; nothing from the batch of \(batch.count) records was written")
        }
    }

    public func counts() async throws(StoreError) -> RecordCounts {
        try await read("counting records") { db in
            let row = try Row.fetchOne(db, sql: RecordCounts.countingSQL)!
            return RecordCounts { index in row[index] }
        }
    }

    // MARK: Territories and users

    public func territories() async throws(StoreError) -> [Territory] {
        try await read("listing territories") { db in try Territory.fetchAll(db) }
    }

    public func moveTerritory(_ id: TerritoryID, under parent: TerritoryID?) async throws(StoreError) {
        try await write("moving territory \(id)") { db in
            let select = Territory.selectSQL + " WHERE id = ?"
            guard let row = try Row.fetchOne(db.cachedStatement(sql: select), arguments: [id.sql]) else {
                throw StoreError(.notFound, "no territory has id \(id); list them with outpost-server territory list")
            }
            let territory = try Territory(row: row)
            guard territory.parentID != parent else { return }
            if let parent {
                guard let parentRow = try Row.fetchOne(db.cachedStatement(sql: select), arguments: [parent.sql]) else {
                    throw StoreError(.notFound, "no territory has id \(parent) (the new parent of \(territory.name)); "
                        + "list them with outpost-server territory list")
                }
                if try Territory.isAncestor(db, id, of: parent) {
                    let parentName: String = parentRow[1]
                    throw StoreError(.invalid, parent == id
                        ? "territory \(territory.name) cannot be its own parent"
                        : "cannot move territory \(territory.name) under \(parentName): \(parentName) is inside "
                            + "\(territory.name)'s subtree, so the move would make a cycle")
                }
            }
            try ChangeSequence.use(db) { sequence in
                let seq = sequence.next()
                try db.execute(sql: "UPDATE territory SET parent_id = ?, change_seq = ? WHERE id = ?",
                               arguments: [parent?.sql, seq, id.sql])
                var moved = territory
                moved.parentID = parent
                try ReplicaTable.recordHubWrite(db, moved, seq: seq, time: WallClock(date: Date()))
            }
        }
    }

    public func users() async throws(StoreError) -> [User] {
        try await read("listing users") { db in try User.fetch(db) }
    }

    public func user(named name: String) async throws(StoreError) -> User? {
        try await read("looking up user \(name)") { db in try User.fetch(db, where: "name = ?", arguments: [name]).first }
    }

    public func assign(_ userID: UserID, to territories: [TerritoryID]) async throws(StoreError) {
        try await write("assigning territories to user \(userID)") { db in
            let exists = try Bool.fetchOne(db, sql: #"SELECT EXISTS (SELECT 1 FROM "user" WHERE id = ?)"#,
                                           arguments: [userID.sql]) ?? false
            guard exists else {
                throw StoreError(.notFound, "no user has id \(userID); list them with outpost-server user list")
            }
            guard Set(territories).count == territories.count else {
                throw StoreError(.invalid, "the territories for user \(userID) list one territory twice")
            }
            try db.execute(sql: "DELETE FROM user_territory WHERE user_id = ?", arguments: [userID.sql])
            try db.write(User.assignments(of: userID, territories))
            try ChangeSequence.use(db) { sequence in
                let seq = sequence.next()
                try db.execute(sql: #"UPDATE "user" SET change_seq = ? WHERE id = ?"#, arguments: [seq, userID.sql])
                for user in try User.fetch(db, where: "id = ?", arguments: [userID.sql]) {
                    try ReplicaTable.recordHubWrite(db, user, seq: seq, time: WallClock(date: Date()))
                }
            }
        }
    }

    // MARK: Devices and enrolment

    public func addEnrolmentCode(_ code: EnrolmentCode) async throws(StoreError) {
        try await write("storing an enrolment code") { [secrets] db in try code.insert(db, secrets: secrets) }
    }

    public func redeemEnrolmentCode(hash: String, now: Date) async throws(StoreError) -> EnrolmentCode {
        try await write("redeeming an enrolment code") { db in try EnrolmentCode.redeem(db, hash: hash, now: now) }
    }

    public func addDevice(_ device: Device) async throws(StoreError) {
        try await write("adding device \(device.label)") { db in try device.insert(db) }
    }

    public func devices() async throws(StoreError) -> [Device] {
        try await read("listing devices") { db in
            try db.fetch(Device.selectSQL + " ORDER BY enrolled_at IS NULL, enrolled_at, id", [], Device.init(row:))
        }
    }

    /// Marks the device revoked at `date`; revoking it again keeps the first date.
    public func revokeDevice(_ id: DeviceID, at date: Date) async throws(StoreError) {
        try await write("revoking device \(id)") { db in
            try db.execute(sql: "UPDATE device SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?",
                           arguments: [date.sqlMilliseconds, id.sql])
            guard db.changesCount > 0 else {
                throw StoreError(.notFound, "no device has id \(id); list them with outpost-server device list")
            }
        }
    }

    // MARK: CRM records

    public func accounts(in territories: Set<TerritoryID>?) async throws(StoreError) -> [Account] {
        try await read("listing accounts") { db in try Account.fetchAll(db, of: territories) }
    }

    public func contacts(of accounts: Set<AccountID>?) async throws(StoreError) -> [Contact] {
        try await read("listing contacts") { db in try Contact.fetchAll(db, of: accounts) }
    }

    public func opportunities(of accounts: Set<AccountID>?) async throws(StoreError) -> [Opportunity] {
        try await read("listing opportunities") { db in try Opportunity.fetchAll(db, of: accounts) }
    }

    // MARK: Catalog

    public func products() async throws(StoreError) -> [Product] {
        try await read("listing products") { db in
            try db.fetch(Product.selectSQL + " ORDER BY sku", [], Product.init(row:))
        }
    }

    public func productOptions(of product: ProductID) async throws(StoreError) -> [ProductOption] {
        try await read("listing the options of product \(product)") { db in
            try db.fetch(ProductOption.selectSQL + " WHERE product_id = ? ORDER BY code", [product.sql],
                         ProductOption.init(row:))
        }
    }

    public func configuratorModel(of product: ProductID) async throws(StoreError) -> ConfiguratorModel? {
        try await read("reading the configurator model of product \(product)") { db in
            try db.fetch(ConfiguratorModel.selectSQL + " WHERE product_id = ?", [product.sql],
                         ConfiguratorModel.init(row:)).first
        }
    }
}
