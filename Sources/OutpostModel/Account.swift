/// A customer company, in exactly one territory.
public struct Account: Hashable, Sendable, Codable, Identifiable, Validatable {
    public var id: AccountID
    public var territoryID: TerritoryID
    public var name: String
    public var industry: String?
    public var city: String?
    /// ISO 3166-1 alpha-2 country code, e.g. `DE`.
    public var country: String?
    public var phone: String?
    /// The day of the last logged visit, for "not visited for 30 days".
    public var lastVisit: CalendarDay?
    /// The company's VAT number as printed, e.g. `DE 123 456 789`.
    public var vatNumber: String?
    /// The company's web site or domain, e.g. `ironhill.example` or `https://www.ironhill.example/`.
    public var website: String?

    public init(id: AccountID = AccountID(), territoryID: TerritoryID, name: String, industry: String? = nil,
                city: String? = nil, country: String? = nil, phone: String? = nil, lastVisit: CalendarDay? = nil,
                vatNumber: String? = nil, website: String? = nil) {
        self.id = id
        self.territoryID = territoryID
        self.name = name
        self.industry = industry
        self.city = city
        self.country = country
        self.phone = phone
        self.lastVisit = lastVisit
        self.vatNumber = vatNumber
        self.website = website
    }

    public func validate() throws(ValidationError) {
        try Check.required(name, "name")
        try Check.optional(industry, "industry", maxLength: 80)
        try Check.optional(city, "city", maxLength: 80)
        try Check.optional(phone, "phone", maxLength: 40)
        try Check.optional(vatNumber, "vat_number", maxLength: 40)
        try Check.optional(website, "website", maxLength: 200)
        if let vatNumber, !vatNumber.allSatisfy({ ($0.isASCII && ($0.isLetter || $0.isNumber)) || " .-".contains($0) }) {
            throw ValidationError(.badFormat, field: "vat_number", "may hold letters, digits, spaces, dots and dashes only (got \"\(vatNumber)\")")
        }
        if let website, website.contains(where: \.isWhitespace) || !website.contains(".") {
            throw ValidationError(.badFormat, field: "website", "must be a domain or address such as ironhill.example, without spaces (got \"\(website)\")")
        }
        if let country, !(country.count == 2 && country.allSatisfy { $0.isASCII && $0.isUppercase }) {
            throw ValidationError(.badFormat, field: "country", "must be a two-letter ISO 3166 code such as DE (got \"\(country)\")")
        }
        if let phone, !phone.allSatisfy({ $0.isNumber || " +-()/.".contains($0) }) {
            throw ValidationError(.badFormat, field: "phone", "may hold digits, spaces and + - ( ) / . only (got \"\(phone)\")")
        }
    }
}
