import MergeEngine
import OutpostModel

// Field ids are stable wire identifiers: never renumber or reuse them (see FieldSpec).

extension Account: ReplicatedRecord {
    /// Routed by its territory.
    public static let schema = RecordSchema<Account>(
        kind: .account,
        fields: [
            .required(1, "territory_id", \.territoryID, .reference()),
            .required(2, "name", \.name, .string),
            .optional(3, "industry", \.industry, .string),
            .optional(4, "city", \.city, .string),
            .optional(5, "country", \.country, .string),
            .optional(6, "phone", \.phone, .string),
            .optional(7, "last_visit", \.lastVisit, .day),
            .optional(8, "vat_number", \.vatNumber, .string),
            .optional(9, "website", \.website, .string),
        ],
        route: { .territory($0.territoryID) },
        blank: { Account(id: $0, territoryID: .placeholder, name: "") })
}

extension Contact: ReplicatedRecord {
    /// Routed by its account.
    public static let schema = RecordSchema<Contact>(
        kind: .contact,
        fields: [
            .required(1, "account_id", \.accountID, .reference()),
            .required(2, "first_name", \.firstName, .string),
            .required(3, "last_name", \.lastName, .string),
            .optional(4, "email", \.email, .email),
            .optional(5, "phone", \.phone, .string),
            .optional(6, "title", \.title, .string),
        ],
        route: { .account($0.accountID) },
        blank: { Contact(id: $0, accountID: .placeholder, firstName: "", lastName: "") })
}

extension Lead: ReplicatedRecord {
    /// Routed by its territory.
    public static let schema = RecordSchema<Lead>(
        kind: .lead,
        fields: [
            .required(1, "territory_id", \.territoryID, .reference()),
            .required(2, "company", \.company, .string),
            .required(3, "first_name", \.firstName, .string),
            .required(4, "last_name", \.lastName, .string),
            .optional(5, "email", \.email, .email),
            .required(6, "status", \.status, .enumeration()),
            .optional(7, "owner_id", \.ownerID, .reference()),
            .optional(8, "country", \.country, .string),
            .optional(9, "postcode", \.postcode, .string),
            .optional(10, "industry", \.industry, .string),
            .optional(11, "product_interest", \.productInterest, .string),
        ],
        route: { .territory($0.territoryID) },
        blank: { Lead(id: $0, territoryID: .placeholder, company: "", firstName: "", lastName: "") })
}

extension Opportunity: ReplicatedRecord {
    /// Routed by its account.
    public static let schema = RecordSchema<Opportunity>(
        kind: .opportunity,
        fields: [
            .required(1, "account_id", \.accountID, .reference()),
            .required(2, "owner_id", \.ownerID, .reference()),
            .required(3, "name", \.name, .string),
            .required(4, "stage", \.stage, .enumeration()),
            .required(5, "amount", \.amount, .money),
            .currency(6, of: { $0.amount.currency }),
            .required(7, "close_date", \.closeDate, .day),
            .required(8, "probability", \.probability, .int),
        ],
        route: { .account($0.accountID) },
        blank: {
            Opportunity(id: $0, accountID: .placeholder, ownerID: .placeholder, name: "",
                        stage: .prospecting, amount: .zero(.eur), closeDate: CalendarDay(daysSinceEpoch: 0))
        })
}

extension Activity: ReplicatedRecord {
    /// Routed by its account.
    public static let schema = RecordSchema<Activity>(
        kind: .activity,
        fields: [
            .required(1, "kind", \.kind, .enumeration()),
            .required(2, "subject", \.subject, .string),
            .required(3, "day", \.day, .day),
            .required(4, "account_id", \.accountID, .reference()),
            .optional(5, "contact_id", \.contactID, .reference()),
            .optional(6, "opportunity_id", \.opportunityID, .reference()),
            .required(7, "owner_id", \.ownerID, .reference()),
            .required(8, "done", \.done, .bool),
            .optional(9, "notes", \.notes, .string),
            .optional(10, "time", \.time, .time),
        ],
        route: { .account($0.accountID) },
        blank: {
            Activity(id: $0, kind: .call, subject: "", day: CalendarDay(daysSinceEpoch: 0),
                     accountID: .placeholder, ownerID: .placeholder)
        })
}
