public import OutpostModel

/// Which domain table keeps the merged view of each kind of record a device writes, for
/// both backends' projection after an accepted device write.
public enum DeviceProjection {
    /// The statements that write `record`'s merged view at `seq` (an upsert in place),
    /// or `nil` for a kind with no domain table (forecast adjustments and quotas live in
    /// the hub's record states; quotes too; orders are recorded by the order ledger).
    /// - Throws: `.invalid` for a kind devices cannot write; `name` names it.
    public static func statements(of record: Any, named name: String, seq: Int64) throws(StoreError) -> [RowStatement]? {
        switch record {
        case let record as Account: record.statements(changeSeq: seq, upsert: true)
        case let record as Contact: record.statements(changeSeq: seq, upsert: true)
        case let record as Lead: record.statements(changeSeq: seq, upsert: true)
        case let record as Opportunity: record.statements(changeSeq: seq, upsert: true)
        case let record as Activity: record.statements(changeSeq: seq, upsert: true)
        case let record as ForecastSubmission: record.statements(changeSeq: seq, upsert: true)
        case is ForecastAdjustment, is Quota, is Quote, is Order: nil
        default: throw StoreError(.invalid, "\(name) records cannot be written by devices")
        }
    }

    /// The domain table a device's delete of `record` removes the row from, or `nil` for
    /// a kind with no domain table.
    /// - Throws: `.invalid` for a kind devices cannot delete; `name` names it.
    public static func table(of record: Any, named name: String) throws(StoreError) -> String? {
        switch record {
        case is Account: Account.shape.table
        case is Contact: Contact.shape.table
        case is Lead: Lead.shape.table
        case is Opportunity: Opportunity.shape.table
        case is Activity: Activity.shape.table
        case is ForecastSubmission: ForecastSubmission.shape.table
        case is ForecastAdjustment, is Quota: nil
        default: throw StoreError(.invalid, "\(name) records cannot be deleted by devices")
        }
    }
}
