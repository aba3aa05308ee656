internal import Foundation
import MergeEngine
import OutpostModel

extension RecordID {
    /// The record id of an entity: the same 16 UUID bytes, in RFC 4122 order.
    public init<Entity>(_ id: EntityID<Entity>) {
        let bytes = withUnsafeBytes(of: id.uuid.uuid) { Array($0) }
        var high: UInt64 = 0
        var low: UInt64 = 0
        for index in 0..<8 {
            high = high << 8 | UInt64(bytes[index])
            low = low << 8 | UInt64(bytes[index + 8])
        }
        self.init(high: high, low: low)
    }
}

extension EntityID {
    /// The entity id with the same 16 bytes as `recordID`.
    public init(_ recordID: RecordID) {
        let b = recordID.bytes
        self.init(UUID(uuid: (b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7],
                              b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15])))
    }

    /// The all-zero id, used only as the placeholder in a blank record before decoding.
    static var placeholder: EntityID { EntityID(RecordID(high: 0, low: 0)) }
}
