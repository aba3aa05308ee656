import OutpostModel
import OutpostStore

extension DemoGenerator {
    /// Adds one lead per eight accounts of the district, at every stage of qualification.
    mutating func addLeads(in staffed: StaffedDistrict) {
        let country = staffed.district.country
        for _ in 0..<max(1, staffed.accountCount / 8) {
            let company = makeCompany(in: country, city: random.pick(staffed.district.cities))
            let (first, last) = person(in: country)
            let status: LeadStatus = random.weighted([.new: 35, .contacted: 25, .qualified: 20, .converted: 10, .disqualified: 10])
            batch.leads.append(Lead(id: LeadID(random.uuid()), territoryID: staffed.territoryID,
                                    company: company.legalName, firstName: first, lastName: last,
                                    email: random.chance(0.85) ? email(first: first, last: last, domain: company.domain) : nil,
                                    status: status))
        }
    }
}
