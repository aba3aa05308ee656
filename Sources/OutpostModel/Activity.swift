/// What kind of touch an activity records.
public enum ActivityKind: String, Hashable, Sendable, Codable, CaseIterable {
    case call, visit, email, task
}

/// A call, visit, e-mail or task, linked to an account and optionally a contact or opportunity.
public struct Activity: Hashable, Sendable, Codable, Identifiable, Validatable {
    public var id: ActivityID
    public var kind: ActivityKind
    public var subject: String
    /// The day it happened or is due.
    public var day: CalendarDay
    public var accountID: AccountID
    public var contactID: ContactID?
    public var opportunityID: OpportunityID?
    public var ownerID: UserID
    public var done: Bool
    public var notes: String?
    /// The time it is due on `day`, if planned for a time (local time, like `day`).
    public var time: TimeOfDay?

    public init(id: ActivityID = ActivityID(), kind: ActivityKind, subject: String, day: CalendarDay,
                accountID: AccountID, contactID: ContactID? = nil, opportunityID: OpportunityID? = nil,
                ownerID: UserID, done: Bool = false, notes: String? = nil, time: TimeOfDay? = nil) {
        self.id = id
        self.kind = kind
        self.subject = subject
        self.day = day
        self.accountID = accountID
        self.contactID = contactID
        self.opportunityID = opportunityID
        self.ownerID = ownerID
        self.done = done
        self.notes = notes
        self.time = time
    }

    public func validate() throws(ValidationError) {
        try Check.required(subject, "subject")
        try Check.optional(notes, "notes", maxLength: 4000)
    }
}
