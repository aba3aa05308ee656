import OutpostModel

/// `activities` files: `id,kind,subject,day,account_id,contact_id,opportunity_id,owner_id,done,notes,time`.
///
/// `done` is `true` or `false` (`yes`/`no`, `1`/`0` too); blank means planned (`false`).
/// `time` is the due time on `day` (`09:30`), blank for none.
enum ActivityColumns: RecordColumns {
    static let kind = InterchangeKind.activities

    static let columns: [Column<Activity>] = [
        Column("id", .generated) { $0.id.description },
        Column("kind", .required) { $0.kind.rawValue },
        Column("subject", .required) { $0.subject },
        Column("day", .required) { $0.day.description },
        Column("account_id", .required) { $0.accountID.description },
        Column("contact_id") { $0.contactID?.description ?? "" },
        Column("opportunity_id") { $0.opportunityID?.description ?? "" },
        Column("owner_id", .required) { $0.ownerID.description },
        Column("done") { $0.done ? "true" : "false" },
        Column("notes") { $0.notes ?? "" },
        Column("time") { $0.time?.description ?? "" },
    ]

    static func decode(_ row: inout RowDecoder) -> Activity? {
        let id = row.cell("id", ActivityID.init(parsing:field:)) ?? ActivityID()
        let kind = row.cell("kind") { text, column throws(ValidationError) in
            try ActivityKind(rawValue: text.lowercased()).orThrow(column, text, choices: ActivityKind.allCases.map(\.rawValue))
        }
        let subject = row.text("subject")
        let day = row.cell("day", CalendarDay.init(parsing:field:))
        let accountID = row.reference("account_id", among: \.accounts, names: \.accountNames, noun: "account")
        let contactID = row.cell("contact_id", ContactID.init(parsing:field:))
        let opportunityID = row.cell("opportunity_id", OpportunityID.init(parsing:field:))
        let ownerID = row.reference("owner_id", among: \.users, names: \.userNames, noun: "user")
        let done = row.cell("done", Bool.init(csvFlag:field:))
        let notes = row.text("notes")
        let time = row.cell("time", TimeOfDay.init(parsing:field:))
        guard row.isClean, let kind, let subject, let day, let accountID, let ownerID else { return nil }
        return Activity(id: id, kind: kind, subject: subject, day: day, accountID: accountID, contactID: contactID,
                        opportunityID: opportunityID, ownerID: ownerID, done: done ?? false, notes: notes, time: time)
    }
}
