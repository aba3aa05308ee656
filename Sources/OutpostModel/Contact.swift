/// A person at an account.
public struct Contact: Hashable, Sendable, Codable, Identifiable, Validatable {
    public var id: ContactID
    public var accountID: AccountID
    public var firstName: String
    public var lastName: String
    public var email: EmailAddress?
    public var phone: String?
    /// Job title, e.g. `Head of Purchasing`.
    public var title: String?

    public init(id: ContactID = ContactID(), accountID: AccountID, firstName: String, lastName: String,
                email: EmailAddress? = nil, phone: String? = nil, title: String? = nil) {
        self.id = id
        self.accountID = accountID
        self.firstName = firstName
        self.lastName = lastName
        self.email = email
        self.phone = phone
        self.title = title
    }

    public func validate() throws(ValidationError) {
        try Check.required(firstName, "first_name", maxLength: 80)
        try Check.required(lastName, "last_name", maxLength: 80)
        try Check.optional(phone, "phone", maxLength: 40)
        try Check.optional(title, "title", maxLength: 120)
    }
}
