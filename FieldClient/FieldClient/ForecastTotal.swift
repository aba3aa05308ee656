import ByteCoding
import Forecasting
import MergeEngine
import OutpostModel
import OutpostProtocol
import OutpostReplication

/// A quarter's forecast total as a replica keeps it, sealed in `forecast_total`: the
/// live opportunities the hub last sent that close in the quarter, merged into
/// ``DealGroup``s (a few thousand bytes for tens of thousands of deals), so a forecast
/// opens one value instead of a summary per opportunity and per account.
///
/// `03` · group count · per group: territory id (16) · owner id (16) · stage (string) ·
/// currency (string) · close day (days since 1970, zig-zag) · deal count (zig-zag) ·
/// amount in minor units (zig-zag).
enum ForecastTotal {
    /// The bytes of `groups`.
    static func encode(_ groups: [DealGroup]) -> [UInt8] {
        var writer = ByteWriter()
        writer.byte(tag)
        writer.varint(groups.count)
        for group in groups {
            writer.raw(RecordID(group.territoryID).bytes)
            writer.raw(RecordID(group.ownerID).bytes)
            writer.string(group.stage.rawValue)
            writer.string(group.amount.currency.code)
            writer.signed(Int64(group.closeDate.daysSinceEpoch))
            writer.signed(Int64(group.count))
            writer.signed(group.amount.minorUnits)
        }
        return writer.bytes
    }

    /// The groups `bytes` hold.
    /// - Throws: ``ProtocolError`` (or a model validation error) when the bytes are not a forecast total.
    static func decode(_ bytes: [UInt8]) throws -> [DealGroup] {
        var reader = ByteReader<ProtocolError>(bytes)
        guard try reader.byte() == tag else { throw ProtocolError(.malformed, "not a forecast total") }
        let count = try reader.count(of: "forecast total groups")
        var groups: [DealGroup] = []
        groups.reserveCapacity(count)
        for _ in 0..<count {
            let territory = TerritoryID(try RecordID(bytes: try reader.raw(16)))
            let owner = UserID(try RecordID(bytes: try reader.raw(16)))
            guard let stage = OpportunityStage(rawValue: try reader.string()) else { throw ProtocolError(.malformed, "an unknown stage") }
            let currency = try Currency(code: try reader.string())
            let day = CalendarDay(daysSinceEpoch: Int(truncatingIfNeeded: try reader.signed()))
            let deals = Int(truncatingIfNeeded: try reader.signed())
            let amount = Money(minorUnits: try reader.signed(), currency: currency)
            groups.append(DealGroup(territoryID: territory, ownerID: owner, stage: stage, closeDate: day, amount: amount, count: deals))
        }
        try reader.expectEnd(of: "a forecast total")
        return groups
    }

    private static let tag: UInt8 = 3
}
