import Foundation
import Hummingbird
import LeadRouting
import OutpostModel

/// The JSON body of `POST /leads`, as a website's form sends it.
///
/// ```json
/// {"company": "Brauerei Huber", "first_name": "Anna", "last_name": "Huber", "email": "anna@huber.example",
///  "country": "DE", "postcode": "80331", "industry": "Food", "product_interest": "PC-1"}
/// ```
struct LeadForm: Decodable {
    let company: String
    let firstName: String
    let lastName: String
    let email: String?
    let country: String?
    let postcode: String?
    let industry: String?
    let productInterest: String?

    enum CodingKeys: String, CodingKey {
        case company, firstName = "first_name", lastName = "last_name", email, country, postcode, industry
        case productInterest = "product_interest"
    }

    /// What the assignment rules read.
    var facts: LeadFacts {
        LeadFacts(country: country, postcode: postcode, industry: industry, productInterest: productInterest)
    }

    /// The lead to store; its territory (a fresh id here) and owner are set by the routing.
    /// - Throws: `HTTPError` 422 naming a bad field.
    func lead() throws -> Lead {
        do throws(ValidationError) {
            let lead = Lead(territoryID: TerritoryID(), company: company, firstName: firstName, lastName: lastName,
                            email: try email.map { text throws(ValidationError) in try EmailAddress(text) },
                            country: country, postcode: postcode, industry: industry, productInterest: productInterest)
            try lead.validate()
            return lead
        } catch {
            throw HTTPError(.unprocessableContent, message: "\(error)")
        }
    }
}

/// The body of a `201` answer to `POST /leads`: where the lead went and why.
struct LeadReceipt: ResponseEncodable {
    let id: String
    let territory: String
    let owner: String?
    let rule: String?
    let queued: Bool
}
