import MergeEngine
import OutpostModel

/// The record types that replicate between the hub and field devices.
///
/// The raw value is the type's ``RecordTypeID`` on the wire and in the merge engine:
/// it is stable, so never renumber a case or reuse a retired number.
public enum ReplicatedKind: UInt16, CaseIterable, Sendable {
    case territory = 1
    case user = 2
    case account = 3
    case contact = 4
    case lead = 5
    case opportunity = 6
    case activity = 7
    case product = 8
    case productOption = 9
    case priceBook = 10
    case configuratorModel = 11
    case forecastSubmission = 12
    case forecastAdjustment = 13
    case quote = 14
    case order = 15
    case quota = 16
    case catalogBundle = 17
    case device = 18
    case document = 19

    /// How a kind's records are routed to devices.
    public enum Routing: Hashable, Sendable {
        /// Sent to every device and read-only there: territories, users, the catalog
        /// and its signed bundles, the names of enrolled devices.
        case global
        /// Routed by the record's own territory: accounts, leads.
        case territory
        /// Routed by the territory of the account the record belongs to: contacts,
        /// opportunities, activities, quotes (through their opportunity) and orders
        /// (through their quote).
        case account
        /// Routed by the territory of the forecast figure: submissions, quotas and
        /// adjustments (through their submission).
        case forecast
        /// Routed as the record it is attached to, or global when that is the catalog
        /// or a product: documents.
        case attachment
    }

    /// The merge engine's type id, equal to the raw value.
    public var typeID: RecordTypeID { RecordTypeID(rawValue) }

    /// The kind with the given merge-engine type id, or `nil` for an unknown id.
    public init?(typeID: RecordTypeID) { self.init(rawValue: typeID.rawValue) }

    /// The kind's snake_case name as the CLI prints and parses it, e.g. `price_book`.
    public var name: String {
        switch self {
        case .territory: "territory"
        case .user: "user"
        case .account: "account"
        case .contact: "contact"
        case .lead: "lead"
        case .opportunity: "opportunity"
        case .activity: "activity"
        case .product: "product"
        case .productOption: "product_option"
        case .priceBook: "price_book"
        case .configuratorModel: "configurator_model"
        case .forecastSubmission: "forecast_submission"
        case .forecastAdjustment: "forecast_adjustment"
        case .quote: "quote"
        case .order: "order"
        case .quota: "quota"
        case .catalogBundle: "catalog_bundle"
        case .device: "device"
        case .document: "document"
        }
    }

    /// The kind with the given ``name``, or `nil`.
    public init?(name: String) {
        guard let kind = ReplicatedKind.allCases.first(where: { $0.name == name }) else { return nil }
        self = kind
    }

    /// How records of this kind are routed to devices.
    public var routing: Routing {
        switch self {
        case .territory, .user, .product, .productOption, .priceBook, .configuratorModel, .catalogBundle, .device: .global
        case .account, .lead: .territory
        case .contact, .opportunity, .activity, .quote, .order: .account
        case .forecastSubmission, .forecastAdjustment, .quota: .forecast
        case .document: .attachment
        }
    }

    /// Whether a device may write records of this kind; global kinds are read-only there.
    public var isDeviceWritable: Bool { routing != .global }

    /// The model type that records of this kind decode to.
    public var recordType: any ReplicatedRecord.Type {
        switch self {
        case .territory: Territory.self
        case .user: User.self
        case .account: Account.self
        case .contact: Contact.self
        case .lead: Lead.self
        case .opportunity: Opportunity.self
        case .activity: Activity.self
        case .product: Product.self
        case .productOption: ProductOption.self
        case .priceBook: PriceBook.self
        case .configuratorModel: ConfiguratorModel.self
        case .forecastSubmission: ForecastSubmission.self
        case .forecastAdjustment: ForecastAdjustment.self
        case .quote: Quote.self
        case .order: Order.self
        case .quota: Quota.self
        case .catalogBundle: CatalogBundle.self
        case .device: DeviceName.self
        case .document: Document.self
        }
    }
}
