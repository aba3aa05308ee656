public import OutpostModel

/// An order as this device sees it, with where it stands in the hub's sequence.
public struct DeskOrder: Sendable, Equatable {
    /// The order as merged here (pending changes of this device included).
    public var order: Order
    /// The hub's sequence value of the order's last change this device received:
    /// the live feed's position, increasing with every change the server makes.
    public var position: UInt64
    /// Whether this device has a change to the order the server has not processed.
    public var isPending: Bool

    /// The order's number, or `pending` before the server gave one.
    public var label: String { order.number?.description ?? "pending" }
}
