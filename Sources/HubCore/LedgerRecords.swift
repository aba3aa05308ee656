public import MergeEngine
public import OutpostModel
public import OutpostReplication

/// An enrolled device as the hub sees it.
public struct EnrolledDevice: Sendable, Equatable {
    /// The replica number in requests and stamps (from 1).
    public var number: UInt32
    /// The device.
    public var device: Device
    /// Its user.
    public var user: User
    /// The last request counter accepted.
    public var lastCounter: UInt64
    /// The highest device write counter processed (accepted or refused).
    public var appliedThrough: UInt64

    /// Creates an enrolled device.
    public init(number: UInt32, device: Device, user: User, lastCounter: UInt64, appliedThrough: UInt64) {
        self.number = number
        self.device = device
        self.user = user
        self.lastCounter = lastCounter
        self.appliedThrough = appliedThrough
    }

    /// The device's replica id in the merge engine.
    public var replica: ReplicaID { ReplicaID(number) }
}

/// One version of a device's scope: the territories it held.
public struct ScopeVersion: Sendable, Equatable {
    /// The version (1 and up; 0 is a new device's empty scope).
    public var version: UInt64
    /// The territories.
    public var territories: Set<TerritoryID>

    /// Creates a scope version.
    public init(version: UInt64, territories: Set<TerritoryID>) {
        self.version = version
        self.territories = territories
    }
}

/// The hub's stored state of one record and where it routes.
public struct StoredRecord: Sendable, Equatable {
    /// The merge state.
    public var state: RecordState
    /// Its kind.
    public var kind: ReplicatedKind
    /// The routing territory (nil: global, every device receives it).
    public var territory: TerritoryID?
    /// The record it routes through, for a record routed as another one is (a contact's
    /// account, a quote's opportunity, an order's quote); nil for a record routed by
    /// territory or to every device.
    public var parent: RecordID?
    /// The delivery sequence value of its last change.
    public var seq: UInt64

    /// Creates a stored record.
    public init(state: RecordState, kind: ReplicatedKind, territory: TerritoryID?, parent: RecordID?, seq: UInt64) {
        self.state = state
        self.kind = kind
        self.territory = territory
        self.parent = parent
        self.seq = seq
    }
}

/// Where a stored record routes.
public enum RecordPlacement: Sendable, Equatable {
    /// The hub does not have the record.
    case unknown
    /// Every device receives it.
    case global
    /// The devices of this territory receive it.
    case territory(TerritoryID)
}

/// Which records a page of a device's sync picks.
public struct RecordSelection: Sendable, Equatable {
    /// Records routed to these territories.
    public var territories: Set<TerritoryID>
    /// And global records.
    public var includeGlobal: Bool
    /// And records of these kinds wherever they route.
    public var kinds: Set<ReplicatedKind>

    /// Creates a selection.
    public init(territories: Set<TerritoryID>, includeGlobal: Bool, kinds: Set<ReplicatedKind> = []) {
        self.territories = territories
        self.includeGlobal = includeGlobal
        self.kinds = kinds
    }

    /// Whether it picks nothing at all.
    public var isEmpty: Bool { territories.isEmpty && !includeGlobal && kinds.isEmpty }

    /// Whether it picks `record`.
    public func picks(_ record: StoredRecord) -> Bool {
        if kinds.contains(record.kind) { return true }
        guard let territory = record.territory else { return includeGlobal }
        return territories.contains(territory)
    }
}
