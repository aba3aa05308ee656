public import MergeEngine

/// A record state in a response frame, with the route the device files it under
/// (SPEC.md §4.3), so the device never decodes a domain record to learn where it
/// belongs.
public struct FrameRecord: Hashable, Sendable {
    /// The state to join.
    public var state: RecordState
    /// Where it routes.
    public var route: FrameRoute

    /// Creates a frame record.
    public init(_ state: RecordState, route: FrameRoute) {
        self.state = state
        self.route = route
    }
}

/// Where a device files a received record: what decides when it leaves the replica.
public enum FrameRoute: Hashable, Sendable {
    /// Every device holds it.
    case global
    /// It leaves with this territory.
    case territory(RecordID)
    /// It leaves with this record (an account, an opportunity, a quote …).
    case parent(RecordID)

    /// The wire tag: 0 global, 1 territory, 2 parent.
    var tag: UInt8 {
        switch self {
        case .global: 0
        case .territory: 1
        case .parent: 2
        }
    }

    /// The named territory or record, if any.
    public var target: RecordID? {
        switch self {
        case .global: nil
        case .territory(let id), .parent(let id): id
        }
    }

    /// The route with `tag` naming `target`.
    init?(tag: UInt8, target: RecordID?) {
        switch (tag, target) {
        case (0, nil): self = .global
        case (1, let id?): self = .territory(id)
        case (2, let id?): self = .parent(id)
        default: return nil
        }
    }
}
