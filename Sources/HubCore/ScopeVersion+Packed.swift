public import Foundation
public import OutpostModel
import MergeEngine
import OutpostReplication

extension ScopeVersion {
    /// The territories as a ledger stores them: each territory's 16-byte id, in id order.
    public var packedTerritories: Data {
        Data(territories.map { RecordID($0) }.sorted().flatMap(\.bytes))
    }

    /// The territories that ``packedTerritories`` stored, 16 bytes each; a trailing
    /// fragment shorter than an id is passed over.
    public static func territories(packed data: Data) -> Set<TerritoryID> {
        let bytes = [UInt8](data)
        return Set(stride(from: 0, to: bytes.count - 15, by: 16).compactMap { offset in
            (try? RecordID(bytes: bytes[offset..<offset + 16])).map(TerritoryID.init)
        })
    }
}
