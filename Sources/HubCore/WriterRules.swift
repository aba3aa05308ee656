import MergeEngine
import OutpostModel
import OutpostReplication

/// Fields that name who wrote a record (a forecast's submitter, an adjustment's
/// manager, an activity's owner, a quote's approver): a device sets them to its own
/// user only, whatever the kind, so no device writes as someone else.
enum WriterRules {
    /// The refusal of a write that turns `before` (nil: a new record) into `after`
    /// when `after` names a writer other than `user` and `before` did not name them.
    static func refusal(before: (any ReplicatedRecord)?, after: any ReplicatedRecord, user: User) -> WriteOutcome.Result? {
        guard let named = writer(of: after), named.user != user.id else { return nil }
        if let before, writer(of: before)?.user == named.user { return nil }
        return .refused(.readOnly, "\(type(of: after).kind.name) \(after.recordID) names another user as its \(named.field); "
            + "a device writes as its own user (\(user.name)) only")
    }

    /// The writer field of `record`, if its kind has one and it is set.
    static func writer(of record: any ReplicatedRecord) -> (field: String, user: UserID)? {
        switch record {
        case let submission as ForecastSubmission: ("submitter", submission.ownerID)
        case let adjustment as ForecastAdjustment: ("adjusting manager", adjustment.managerID)
        case let activity as Activity: ("owner", activity.ownerID)
        case let quote as Quote: quote.approvedBy.map { ("approver", $0) }
        default: nil
        }
    }
}
