import OutpostModel

/// `leads` files: `id,territory_id,company,first_name,last_name,email,status`.
///
/// A row without an id is matched by e-mail: a lead with the same address is reported
/// as a duplicate.
enum LeadColumns: RecordColumns {
    static let kind = InterchangeKind.leads

    static let columns: [Column<Lead>] = [
        Column("id", .generated) { $0.id.description },
        Column("territory_id", .required) { $0.territoryID.description },
        Column("company", .required) { $0.company },
        Column("first_name", .required) { $0.firstName },
        Column("last_name", .required) { $0.lastName },
        Column("email") { $0.email?.value ?? "" },
        Column("status") { $0.status.rawValue },
    ]

    static func decode(_ row: inout RowDecoder) -> Lead? {
        let id = row.cell("id", LeadID.init(parsing:field:)) ?? LeadID()
        let territoryID = row.reference("territory_id", among: \.territories, names: \.territoryNames, noun: "territory")
        let company = row.text("company")
        let firstName = row.text("first_name")
        let lastName = row.text("last_name")
        let email = row.cell("email", EmailAddress.init(_:field:))
        let status = row.cell("status") { text, column throws(ValidationError) in
            try LeadStatus(rawValue: text.lowercased()).orThrow(column, text, choices: LeadStatus.allCases.map(\.rawValue))
        }
        guard row.isClean, let territoryID, let company, let firstName, let lastName else { return nil }
        return Lead(id: id, territoryID: territoryID, company: company, firstName: firstName, lastName: lastName,
                    email: email, status: status ?? .new)
    }

    static func matchKeys(_ lead: Lead) -> [String] {
        lead.email.map { ["e-mail: \($0.value.lowercased())"] } ?? []
    }
}
