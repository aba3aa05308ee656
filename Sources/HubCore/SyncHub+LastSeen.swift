import Synchronization

/// Each device as the hub last read it, so that a steady sync needs no read transaction
/// of its own before its push: the request is opened with the device's public key (fixed
/// at enrolment) and checked for replay and rate against this copy, and the push's
/// transaction reads the device again and decides on what it reads there (revocation, its
/// user and role, its counters, its key). A stale copy can only make the checks before the
/// push let through what the push then refuses.
final class LastSeenDevices: Sendable {
    private let capacity: Int
    private let devices = Mutex<[UInt32: EnrolledDevice]>([:])

    /// At most `capacity` devices; past it the cache starts afresh (simpler than an LRU:
    /// a fleet that large reads each device once more).
    init(capacity: Int = 100_000) {
        self.capacity = capacity
    }

    /// Device `number` as last read, if it was.
    subscript(number: UInt32) -> EnrolledDevice? {
        devices.withLock { $0[number] }
    }

    /// Keeps `device` as read now.
    func keep(_ device: EnrolledDevice) {
        devices.withLock { devices in
            if devices.count >= capacity { devices.removeAll(keepingCapacity: true) }
            devices[device.number] = device
        }
    }
}

extension SyncHub {
    /// Device `number` as the hub last read it (by a sync's push or a lookup), else read
    /// now: good enough to open a sync request and to turn away a replay or a revoked
    /// device early, never to decide the push, whose transaction reads the device again.
    /// - Throws: ``RequestRefusal/unknownDevice(_:)``, or the ledger's error.
    public func lastSeenDevice(number: UInt32) async throws -> EnrolledDevice {
        if let device = lastSeen[number] { return device }
        return try await device(number: number)
    }
}
