import Foundation
public import OutpostModel

/// One product's tiers as stored in `price_book.tiers` (both backends): a JSON array of these, in
/// ascending product id, so the same book always gives the same text.
private struct StoredTiers: Codable {
    var product: ProductID
    var kind: TierKind
    var tiers: [VolumeTier]
}

extension PriceBook {
    /// The tiers as the `tiers` column's JSON text.
    public var tiersJSON: String {
        let rows = tiers.sorted { $0.key < $1.key }.map { StoredTiers(product: $0.key, kind: $0.value.kind, tiers: $0.value.tiers) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        // Encoding plain values (UUIDs, strings, integers) cannot fail.
        return String(decoding: try! encoder.encode(rows), as: UTF8.self)
    }

    /// The tiers read back from the `tiers` column.
    public static func tiers(json: String, book id: String) throws(StoreError) -> [ProductID: VolumeSchedule] {
        do {
            let rows = try JSONDecoder().decode([StoredTiers].self, from: Data(json.utf8))
            return Dictionary(rows.map { ($0.product, VolumeSchedule(kind: $0.kind, tiers: $0.tiers)) }, uniquingKeysWith: { $1 })
        } catch {
            throw StoreError(.database, "price book \(id) has unreadable volume tiers; restore from a backup")
        }
    }
}
