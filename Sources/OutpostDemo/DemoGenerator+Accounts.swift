import OutpostModel
import OutpostStore

extension DemoGenerator {
    /// Adds an account of the district with 1–5 contacts, 0–3 opportunities and 1–7 activities,
    /// the first of them on today when `withActivityToday`.
    mutating func addAccount(in staffed: StaffedDistrict, withActivityToday: Bool) {
        let country = staffed.district.country
        let city = random.pick(staffed.district.cities)
        let company = makeCompany(in: country, city: city)
        let accountID = AccountID(random.uuid())
        let contactIDs = (0..<random.int(in: 1...5)).map { _ in
            addContact(of: accountID, company: company, country: country)
        }
        let opportunityIDs = (0..<random.int(in: 0...3)).map { _ in
            addOpportunity(of: accountID, company: company, in: staffed)
        }
        let lastVisit = addActivities(of: accountID, contacts: contactIDs, opportunities: opportunityIDs,
                                      owner: staffed.repID, firstToday: withActivityToday)
        batch.accounts.append(Account(id: accountID, territoryID: staffed.territoryID, name: company.legalName,
                                      industry: company.industry, city: city, country: country.code,
                                      phone: phone(in: country), lastVisit: lastVisit))
    }

    private mutating func addContact(of accountID: AccountID, company: CompanyName, country: Country) -> ContactID {
        let (first, last) = person(in: country)
        let contact = Contact(id: ContactID(random.uuid()), accountID: accountID, firstName: first, lastName: last,
                              email: email(first: first, last: last, domain: company.domain),
                              phone: phone(in: country), title: random.pick(SalesWords.jobTitles))
        batch.contacts.append(contact)
        return contact.id
    }
}
