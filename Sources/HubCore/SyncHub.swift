public import MergeEngine
public import OutpostReplication
public import OutpostModel

/// The hub: every decision of a sync, over any ``SyncLedger``.
///
/// A sync is: ``lastSeenDevice(number:)`` (the device as last read, to open the request),
/// ``authorise(_:counter:at:)`` (replay and rate, before the request is even decoded),
/// ``checkWrites(_:of:)``, then ``push(_:now:)`` (one transaction: the device read again,
/// counter, scope, every write), then
/// ``delivery(for:report:)`` (what the device receives, page by page);
/// ``pushThenDeliver(_:now:)`` does both, a steady sync's first page in the push's
/// transaction.
public struct SyncHub<Ledger: SyncLedger>: Sendable {
    /// The storage the hub runs over.
    public let ledger: Ledger
    /// What one device may ask.
    public let limits: HubLimits
    /// Records per delivery: a dropped transfer re-sends at most this many.
    public let batchSize: Int
    private let rateLimiter: DeviceRateLimiter
    /// Each device as last read (``lastSeenDevice(number:)``).
    let lastSeen = LastSeenDevices()

    /// A hub over `ledger`.
    public init(ledger: Ledger, limits: HubLimits, batchSize: Int = 1000) {
        self.ledger = ledger
        self.limits = limits
        self.batchSize = batchSize
        rateLimiter = DeviceRateLimiter(burst: limits.burst, requestsPerSecond: limits.requestsPerSecond)
    }

    /// The enrolled device with replica number `number`.
    /// - Throws: ``RequestRefusal/unknownDevice(_:)``, or the ledger's error.
    public func device(number: UInt32) async throws -> EnrolledDevice {
        guard let device = try await ledger.snapshot({ try $0.device(number: number) }) else {
            throw RequestRefusal.unknownDevice(number)
        }
        lastSeen.keep(device)
        return device
    }

    /// Turns away a replayed request, then charges the device's request rate, a
    /// revoked device's too (it is told to wipe, but no more often than its rate
    /// allows). A replay is refused before it costs a token, so a captured request
    /// cannot lock its device out. Both come before the request is inflated or decoded.
    public func authorise(_ device: EnrolledDevice, counter: UInt64, at now: ContinuousClock.Instant = .now) throws(RequestRefusal) {
        guard counter > device.lastCounter else { throw .replayed(last: device.lastCounter) }
        if let wait = rateLimiter.admit(device: device.number, at: now) {
            throw .rateLimited(wait: wait, burst: limits.burst)
        }
    }

    /// Refuses a request with more writes than one request may carry (a revoked
    /// device's writes are never applied, so it is not refused).
    public func checkWrites(_ count: Int, of device: EnrolledDevice) throws(RequestRefusal) {
        guard device.device.isRevoked || count <= limits.maxWritesPerRequest else {
            throw .tooManyWrites(count: count, limit: limits.maxWritesPerRequest)
        }
    }
}

/// One authorised request: the device, its request counter, how far it has
/// received, and its pending writes.
public struct DeviceRequest: Sendable {
    /// The device.
    public var device: EnrolledDevice
    /// The request counter.
    public var counter: UInt64
    /// How far it has received.
    public var cursor: DeviceCursor
    /// Its pending writes, oldest first.
    public var writes: [Write]
    /// The identity of each write, by its device counter (a write without one matches
    /// any stored outcome of its counter).
    public var identities: [UInt64: WriteIdentity]

    /// Creates a request.
    public init(device: EnrolledDevice, counter: UInt64, cursor: DeviceCursor, writes: [Write], identities: [UInt64: WriteIdentity] = [:]) {
        self.device = device
        self.counter = counter
        self.cursor = cursor
        self.writes = writes
        self.identities = identities
    }
}

/// What the push transaction did, for the delivery that follows.
public struct PushReport: Sendable {
    /// The outcomes the device has not taken in yet.
    public var outcome: PushOutcome
    /// The device's current scope.
    public var scope: ScopeVersion
    /// The territories of the scope versions the request's cursor names.
    public var scopes: [UInt64: Set<TerritoryID>]
    /// Kinds the device receives from every territory (the order desk: orders).
    public var kindsEverywhere: Set<ReplicatedKind>
    /// The records of the request's writes the hub has accepted (now or before).
    public var acceptedRecords: Set<RecordID>
    /// The counters of the writes this request itself accepted: not those of an earlier
    /// request that the device sends again because its answer was lost.
    public var acceptedNow: Set<UInt64>
    /// Where each record this request wrote was before the request (a record missing
    /// here was written by an earlier request whose answer was lost).
    public var placementsBefore: [RecordID: RecordPlacement]
    /// Writes this request accepted and refused.
    public var accepted: Int
    /// See ``accepted``.
    public var refused: Int
}

/// The push's result: applied, or the device is revoked and must wipe.
public enum PushResult: Sendable {
    /// The writes were processed.
    case applied(PushReport)
    /// The device is revoked: nothing was applied; tell it to wipe.
    case revoked
}

/// The push's result with the delivery answering it (``SyncHub/pushThenDeliver(_:now:)``).
public enum PushedDelivery<Ledger: SyncLedger>: Sendable {
    /// The writes were processed; the delivery follows.
    case applied(PushReport, Delivery<Ledger>)
    /// The device is revoked: nothing was applied; tell it to wipe.
    case revoked
}
