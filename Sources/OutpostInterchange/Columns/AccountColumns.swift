import OutpostModel

/// `accounts` files: `id,territory_id,name,industry,city,country,phone,last_visit,vat_number,website`.
///
/// `id` may be left blank (or out) to give the account a new id; such a row is matched
/// on its normalised name and city, its VAT number and its web domain (``DuplicateKey``)
/// and reported as a likely duplicate of an account that shares any of them.
enum AccountColumns: RecordColumns {
    static let kind = InterchangeKind.accounts

    static let columns: [Column<Account>] = [
        Column("id", .generated) { $0.id.description },
        Column("territory_id", .required) { $0.territoryID.description },
        Column("name", .required) { $0.name },
        Column("industry") { $0.industry ?? "" },
        Column("city") { $0.city ?? "" },
        Column("country") { $0.country ?? "" },
        Column("phone") { $0.phone ?? "" },
        Column("last_visit") { $0.lastVisit?.description ?? "" },
        Column("vat_number") { $0.vatNumber ?? "" },
        Column("website") { $0.website ?? "" },
    ]

    static func decode(_ row: inout RowDecoder) -> Account? {
        let id = row.cell("id", AccountID.init(parsing:field:)) ?? AccountID()
        let territoryID = row.reference("territory_id", among: \.territories, names: \.territoryNames, noun: "territory")
        let name = row.text("name")
        let industry = row.text("industry")
        let city = row.text("city")
        let country = row.text("country")
        let phone = row.text("phone")
        let lastVisit = row.cell("last_visit", CalendarDay.init(parsing:field:))
        let vatNumber = row.text("vat_number")
        let website = row.text("website")
        guard row.isClean, let territoryID, let name else { return nil }
        return Account(id: id, territoryID: territoryID, name: name, industry: industry, city: city,
                       country: country, phone: phone, lastVisit: lastVisit, vatNumber: vatNumber, website: website)
    }

    static func matchKeys(_ account: Account) -> [String] {
        ["name and city: \(DuplicateKey.normalised(account.name)) | \(DuplicateKey.normalised(account.city ?? ""))"]
            + [account.vatNumber.flatMap(DuplicateKey.vatNumber).map { "VAT number: \($0)" },
               account.website.flatMap(DuplicateKey.domain).map { "web domain: \($0)" }].compactMap { $0 }
    }
}
