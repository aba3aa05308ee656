public import Foundation

/// A globally unique identifier of one kind of entity, created offline without the server.
///
/// New ids are time-ordered (``Foundation/UUID/timeOrdered(at:)``); ids made elsewhere (an
/// import's, an older build's random ones) are as good, only their indexes fill less in order.
///
/// The phantom `Entity` parameter keeps an `AccountID` from being passed where a
/// `ContactID` is expected. The text form is the lower-case UUID.
public struct EntityID<Entity>: Hashable, Sendable, Comparable, ParsedText {
    public static var textField: String { "id" }

    /// The underlying UUID.
    public let uuid: UUID

    /// The entity `uuid`, by default a new time-ordered one.
    public init(_ uuid: UUID = .timeOrdered()) { self.uuid = uuid }

    /// Parses the canonical UUID text, any case.
    /// - Throws: `ValidationError` when `text` is not a UUID.
    public init(parsing text: String, field: String = textField) throws(ValidationError) {
        guard let uuid = UUID(uuidString: String(text.trimmingWhitespace)) else {
            throw ValidationError(.badFormat, field: field, "must be a UUID such as 3f2b8c4e-1d2a-4b6f-9e1a-0c5d7e9f1a2b (got \"\(text)\")")
        }
        self.uuid = uuid
    }

    public var description: String { uuid.uuidString.lowercased() }

    public static func < (lhs: EntityID, rhs: EntityID) -> Bool {
        lhs.uuid.uuidString < rhs.uuid.uuidString
    }
}

public typealias TerritoryID = EntityID<Territory>
public typealias UserID = EntityID<User>
public typealias DeviceID = EntityID<Device>
public typealias AccountID = EntityID<Account>
public typealias ContactID = EntityID<Contact>
public typealias LeadID = EntityID<Lead>
public typealias OpportunityID = EntityID<Opportunity>
public typealias ActivityID = EntityID<Activity>
public typealias ProductID = EntityID<Product>
public typealias ProductOptionID = EntityID<ProductOption>
public typealias PriceBookID = EntityID<PriceBook>
