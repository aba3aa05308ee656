/// Why the hub refused a device's write. The raw values are the codes devices know
/// (SPEC.md §5.4); the hub decides, the protocol carries them.
public enum RefusalCode: UInt8, Sendable, Hashable, CaseIterable {
    /// The record lies outside the device's territories.
    case outOfScope = 1
    /// The record type, or the change, is not the device's to make (catalog, price
    /// books, users and territories are read-only on devices).
    case readOnly = 2
    /// The record would be invalid (the message names why).
    case invalid = 3
    /// An update or delete of a record the hub does not know.
    case unknownRecord = 4
    /// The write targets a deleted record that was already collected.
    case recordCollected = 5
    /// A create of an id another type already has.
    case idTaken = 6
}
