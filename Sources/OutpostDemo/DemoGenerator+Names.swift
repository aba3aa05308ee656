import OutpostModel
import OutpostStore

/// A generated company name with the parts other records reuse.
struct CompanyName {
    /// With the legal form: `Hartmann Logistics GmbH`.
    let legalName: String
    /// Without it, for deal names: `Hartmann Logistics`.
    let shortName: String
    /// The web domain its people's e-mail addresses use: `hartmann-logistics.example`.
    let domain: String
    let industry: String
}

extension DemoGenerator {
    /// A company name not used before, in one of four patterns: `Hartmann Logistics GmbH`,
    /// `Northwind Foods Ltd`, `Becker & Vogel KG` or `Munich Precision AG`.
    ///
    /// The pattern space per country (tens of thousands of names) far exceeds the largest
    /// scale, so the loop ends after very few draws.
    mutating func makeCompany(in country: Country, city: String) -> CompanyName {
        while true {
            let (industry, sectorWords) = random.pick(CompanyWords.industries)
            let sector = random.pick(sectorWords)
            let shortName = switch random.int(in: 0...9) {
            case 0...3: "\(random.pick(country.names.last)) \(sector)"
            case 4...6: "\(random.pick(CompanyWords.coinedPrefixes))\(random.pick(CompanyWords.coinedRoots)) \(sector)"
            case 7...8: "\(random.pick(country.names.last)) & \(random.pick(country.names.last))"
            default: "\(city) \(sector)"
            }
            let legalName = "\(shortName) \(random.pick(country.legalForms))"
            if takenCompanyNames.insert(legalName).inserted {
                return CompanyName(legalName: legalName, shortName: shortName,
                                   domain: "\(ASCIIFolding.slug(shortName)).example", industry: industry)
            }
        }
    }

    /// A first name and a surname common in the country.
    mutating func person(in country: Country) -> (first: String, last: String) {
        (random.pick(country.names.first), random.pick(country.names.last))
    }

    /// `firstname.lastname@domain`, in ASCII.
    func email(first: String, last: String, domain: String) -> EmailAddress? {
        try? EmailAddress("\(ASCIIFolding.word(first)).\(ASCIIFolding.word(last))@\(domain)")
    }

    /// An international number: `+49 89 4821 337`; North American ones use the fictional 555-01xx block.
    mutating func phone(in country: Country) -> String {
        if country.callingCode == 1 {
            return "+1 \(random.int(in: 201...989)) 555 01\(random.int(in: 10...99))"
        }
        return "+\(country.callingCode) \(random.int(in: 20...99)) \(random.int(in: 1000...9999)) \(random.int(in: 100...999))"
    }
}
