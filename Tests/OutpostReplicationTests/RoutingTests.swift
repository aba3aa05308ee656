import Foundation
import MergeEngine
import OutpostModel
import Testing
@testable import OutpostReplication

@Suite("Routing")
struct RoutingTests {
    @Test("each kind's routing and writability")
    func kinds() {
        let routing = Dictionary(uniqueKeysWithValues: ReplicatedKind.allCases.map { ($0.name, $0.routing) })
        #expect(routing == [
            "territory": .global, "user": .global, "product": .global, "product_option": .global,
            "price_book": .global, "configurator_model": .global, "catalog_bundle": .global,
            "device": .global, "account": .territory, "lead": .territory,
            "contact": .account, "opportunity": .account, "activity": .account, "quote": .account, "order": .account,
            "forecast_submission": .forecast, "forecast_adjustment": .forecast, "quota": .forecast,
            "document": .attachment,
        ])
        for kind in ReplicatedKind.allCases {
            #expect(kind.isDeviceWritable == (kind.routing != .global))
            #expect(ReplicatedKind(typeID: kind.typeID) == kind)
            #expect(ReplicatedKind(name: kind.name) == kind)
            #expect(kind.recordType.kind == kind)
        }
        #expect(ReplicatedKind(typeID: RecordTypeID(0)) == nil)
        #expect(ReplicatedKind(typeID: RecordTypeID(20)) == nil)
    }

    @Test("each record's route names its routing parent")
    func records() throws {
        let territory = TerritoryID(), account = AccountID(), opportunity = OpportunityID()
        let quote = EntityID<Quote>(), submission = EntityID<ForecastSubmission>(), activity = ActivityID()
        let day = try CalendarDay(year: 2026, month: 11, day: 24)
        let routes: [(any ReplicatedRecord, RecordRoute)] = [
            (Territory(name: "Bavaria"), .global),
            (User(name: "ana", displayName: "Ana", role: .rep), .global),
            (Product(sku: "PC", name: "PC", basePrice: .zero(.eur)), .global),
            (ProductOption(productID: ProductID(), code: "cpu", name: "CPU", price: .zero(.eur)), .global),
            (PriceBook(name: "Standard", currency: .eur), .global),
            (ConfiguratorModel(productID: ProductID(), variableCount: 0, clauses: []), .global),
            (CatalogBundle(productID: ProductID(), version: 1, memberCount: 0, membersDigest: [], signature: []), .global),
            (DeviceName(id: DeviceID(), number: 3, userID: UserID(), label: "demo-handheld"), .global),
            (Account(territoryID: territory, name: "Huber"), .territory(territory)),
            (Lead(territoryID: territory, company: "Huber", firstName: "A", lastName: "B"), .territory(territory)),
            (Contact(accountID: account, firstName: "A", lastName: "B"), .account(account)),
            (Opportunity(accountID: account, ownerID: UserID(), name: "Kegs", stage: .proposal, amount: .zero(.eur),
                         closeDate: day), .account(account)),
            (Activity(kind: .visit, subject: "Visit", day: day, accountID: account, ownerID: UserID()), .account(account)),
            (Quote(opportunityID: opportunity), .opportunity(opportunity)),
            (Order(quoteID: quote, quoteHash: "h"), .quote(quote)),
            (ForecastSubmission(ownerID: UserID(), territoryID: territory, period: .month(year: 2026, month: 11),
                                amounts: [:]), .forecast(territory)),
            (ForecastAdjustment(submissionID: submission, managerID: UserID(), category: .commit, amount: .zero(.eur)),
             .forecastSubmission(submission)),
            (ForecastAdjustment(rep: UserID(), territoryID: territory, period: .quarter(year: 2026, quarter: 4), managerID: UserID(),
                                category: .commit, amount: .zero(.eur)), .forecast(territory)),
            (Quota(userID: UserID(), territoryID: territory, period: .quarter(year: 2026, quarter: 4), amount: .zero(.eur)),
             .forecast(territory)),
            (Self.document(.product, ProductID().uuid), .global),
            (Self.document(.catalog, nil), .global),
            (Self.document(.account, account.uuid), .account(account)),
            (Self.document(.opportunity, opportunity.uuid), .opportunity(opportunity)),
            (Self.document(.quote, quote.uuid), .quote(quote)),
            (Self.document(.activity, activity.uuid), .activity(activity)),
        ]
        #expect(Set(routes.map { type(of: $0.0).kind }) == Set(ReplicatedKind.allCases))
        for (record, route) in routes {
            #expect(record.route == route, "\(type(of: record).kind.name)")
        }
    }

    /// A document attached to `kind` `id`.
    static func document(_ kind: DocumentAttachmentKind, _ id: UUID?) -> Document {
        Document(title: "Sheet", fileName: "sheet.pdf", mediaType: "application/pdf", attachedKind: kind,
                 attachedID: id.map { EntityID($0) }, content: DocumentContentList(contentID: Array(repeating: 1, count: 32), chunks: []))
    }

    @Test("non-final routes name the parent record to follow")
    func parents() {
        let account = AccountID(), quote = EntityID<Quote>()
        #expect(RecordRoute.global.parent == nil)
        #expect(RecordRoute.territory(TerritoryID()).parent == nil)
        #expect(RecordRoute.forecast(TerritoryID()).parent == nil)
        #expect(RecordRoute.account(account).parent == RecordKey(kind: .account, id: RecordID(account)))
        #expect(RecordRoute.quote(quote).parent == RecordKey(kind: .quote, id: RecordID(quote)))
        let activity = ActivityID()
        #expect(RecordRoute.activity(activity).parent == RecordKey(kind: .activity, id: RecordID(activity)))
    }

    @Test("a configurator model's id derives from, and differs from, its product's")
    func configuratorModelID() throws {
        let product = try ProductID(parsing: "3f2b8c4e-1d2a-4b6f-9e1a-0c5d7e9f1a2b")
        let model = ConfiguratorModel(productID: product, variableCount: 0, clauses: [])
        #expect(model.recordID == ConfiguratorModel.recordID(forProduct: product))
        #expect(model.recordID != RecordID(product))
        #expect(model.recordID.description == "3f2b8c4e1d2a4b6ffe1a0c5d7e9f1a2b")
    }

    @Test("a catalog bundle's id derives from its product's and differs from the product's and its model's")
    func catalogBundleID() throws {
        let product = try ProductID(parsing: "3f2b8c4e-1d2a-4b6f-9e1a-0c5d7e9f1a2b")
        let bundle = CatalogBundle(productID: product, version: 1, memberCount: 0, membersDigest: [], signature: [])
        #expect(bundle.recordID == CatalogBundle.recordID(forProduct: product))
        #expect(bundle.recordID.description == "3f2b8c4e1d2a4b6fde1a0c5d7e9f1a2b")
        #expect(bundle.recordID != RecordID(product))
        #expect(bundle.recordID != ConfiguratorModel.recordID(forProduct: product))
    }
}
