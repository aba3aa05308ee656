import OutpostModel

/// `contacts` files: `id,account_id,first_name,last_name,email,phone,title`.
///
/// A row without an id is matched by e-mail: a contact with the same address is
/// reported as a duplicate.
enum ContactColumns: RecordColumns {
    static let kind = InterchangeKind.contacts

    static let columns: [Column<Contact>] = [
        Column("id", .generated) { $0.id.description },
        Column("account_id", .required) { $0.accountID.description },
        Column("first_name", .required) { $0.firstName },
        Column("last_name", .required) { $0.lastName },
        Column("email") { $0.email?.value ?? "" },
        Column("phone") { $0.phone ?? "" },
        Column("title") { $0.title ?? "" },
    ]

    static func decode(_ row: inout RowDecoder) -> Contact? {
        let id = row.cell("id", ContactID.init(parsing:field:)) ?? ContactID()
        let accountID = row.reference("account_id", among: \.accounts, names: \.accountNames, noun: "account")
        let firstName = row.text("first_name")
        let lastName = row.text("last_name")
        let email = row.cell("email", EmailAddress.init(_:field:))
        let phone = row.text("phone")
        let title = row.text("title")
        guard row.isClean, let accountID, let firstName, let lastName else { return nil }
        return Contact(id: id, accountID: accountID, firstName: firstName, lastName: lastName,
                       email: email, phone: phone, title: title)
    }

    static func matchKeys(_ contact: Contact) -> [String] {
        contact.email.map { ["e-mail: \($0.value.lowercased())"] } ?? []
    }
}
