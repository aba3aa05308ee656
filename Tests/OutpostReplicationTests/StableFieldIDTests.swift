import MergeEngine
import Testing
@testable import OutpostReplication

/// Field ids and kind numbers are wire identifiers. This table is written out
/// literally on purpose: renumbering, renaming or retyping a field fails here.
/// Add new fields at the end of a kind; never edit an existing row.
@Suite("Wire identifiers are stable")
struct StableFieldIDTests {
    static let expected: [ReplicatedKind: [(UInt16, String, FieldValueCase)]] = [
        .territory: [(1, "name", .string), (2, "parent_id", .bytes)],
        .user: [(1, "name", .string), (2, "display_name", .string), (3, "role", .string), (4, "territory_ids", .bytes)],
        .account: [
            (1, "territory_id", .bytes), (2, "name", .string), (3, "industry", .string), (4, "city", .string),
            (5, "country", .string), (6, "phone", .string), (7, "last_visit", .int), (8, "vat_number", .string), (9, "website", .string),
        ],
        .contact: [
            (1, "account_id", .bytes), (2, "first_name", .string), (3, "last_name", .string), (4, "email", .string),
            (5, "phone", .string), (6, "title", .string),
        ],
        .lead: [
            (1, "territory_id", .bytes), (2, "company", .string), (3, "first_name", .string),
            (4, "last_name", .string), (5, "email", .string), (6, "status", .string), (7, "owner_id", .bytes),
            (8, "country", .string), (9, "postcode", .string), (10, "industry", .string), (11, "product_interest", .string),
        ],
        .opportunity: [
            (1, "account_id", .bytes), (2, "owner_id", .bytes), (3, "name", .string), (4, "stage", .string),
            (5, "amount", .decimal), (6, "currency", .string), (7, "close_date", .int), (8, "probability", .int),
        ],
        .activity: [
            (1, "kind", .string), (2, "subject", .string), (3, "day", .int), (4, "account_id", .bytes),
            (5, "contact_id", .bytes), (6, "opportunity_id", .bytes), (7, "owner_id", .bytes), (8, "done", .bool),
            (9, "notes", .string), (10, "time", .string),
        ],
        .product: [(1, "sku", .string), (2, "name", .string), (3, "base_price", .decimal), (4, "currency", .string)],
        .productOption: [
            (1, "product_id", .bytes), (2, "code", .string), (3, "name", .string), (4, "price", .decimal),
            (5, "currency", .string), (6, "variable", .int),
        ],
        .priceBook: [
            (1, "name", .string), (2, "currency", .string), (3, "entries", .bytes), (4, "tiers", .bytes),
            (5, "approval_threshold_basis_points", .int),
        ],
        .configuratorModel: [(1, "product_id", .bytes), (2, "variable_count", .int), (3, "clauses", .bytes)],
        .forecastSubmission: [
            (1, "owner_id", .bytes), (2, "territory_id", .bytes), (3, "period", .string), (4, "amounts", .bytes),
            (5, "currency", .string),
        ],
        .forecastAdjustment: [
            (1, "submission_id", .bytes), (2, "manager_id", .bytes), (3, "category", .string),
            (4, "amount", .decimal), (5, "currency", .string), (6, "note", .string), (7, "made_at", .int),
            (8, "rep_id", .bytes), (9, "territory_id", .bytes), (10, "period", .string),
        ],
        .quote: [
            (1, "opportunity_id", .bytes), (2, "status", .string), (3, "lines", .bytes), (4, "currency", .string),
            (5, "discount_basis_points", .int), (6, "bundle_version", .int), (7, "discount_amount", .decimal),
            (8, "price_book_id", .bytes), (9, "total", .decimal), (10, "approved_by", .bytes), (11, "number", .int),
            (12, "revision", .int), (13, "revision_of", .bytes), (14, "valid_until", .int), (15, "rejection_reason", .string),
        ],
        .order: [(1, "quote_id", .bytes), (2, "quote_hash", .string), (3, "number", .int), (4, "status", .string), (5, "total", .decimal),
                 (6, "currency", .string), (7, "desk_note", .string), (8, "contact_id", .bytes), (9, "ship_to", .string),
                 (10, "bill_to", .string), (11, "requested_delivery", .int), (12, "ordered_on", .int), (13, "replaces_id", .bytes),
                 (14, "reopen_stage", .string), (15, "customer", .string), (16, "contact", .string), (17, "rep", .string),
                 (18, "opportunity", .string), (19, "quote_number", .string), (20, "lines", .bytes), (21, "subtotal", .decimal),
                 (22, "discount_basis_points", .int), (23, "percentage_discount", .decimal), (24, "amount_discount", .decimal)],
        .quota: [
            (1, "user_id", .bytes), (2, "territory_id", .bytes), (3, "period", .string), (4, "amount", .decimal),
            (5, "currency", .string),
        ],
        // Field 3 (`digests`, .bytes) is retired, never reused.
        .catalogBundle: [(1, "product_id", .bytes), (2, "version", .int), (4, "signature", .bytes), (5, "member_count", .int),
                         (6, "members_digest", .bytes)],
        .device: [(1, "number", .int), (2, "user_id", .bytes), (3, "label", .string), (4, "document_budget", .int)],
        .document: [(1, "title", .string), (2, "file_name", .string), (3, "media_type", .string), (4, "attached_kind", .string),
                    (5, "attached_id", .bytes), (6, "tags", .string), (7, "size", .int), (8, "content", .bytes),
                    (9, "pinned_everywhere", .bool)],
    ]

    @Test("kind numbers")
    func kindNumbers() {
        let numbers = ReplicatedKind.allCases.map { "\($0.typeID.rawValue) \($0.name)" }
        #expect(numbers == [
            "1 territory", "2 user", "3 account", "4 contact", "5 lead", "6 opportunity", "7 activity",
            "8 product", "9 product_option", "10 price_book", "11 configurator_model",
            "12 forecast_submission", "13 forecast_adjustment", "14 quote", "15 order", "16 quota",
            "17 catalog_bundle", "18 device", "19 document",
        ])
    }

    @Test("field ids, names and value cases", arguments: ReplicatedKind.allCases)
    func fields(kind: ReplicatedKind) throws {
        let expected = try #require(Self.expected[kind])
        #expect(kind.fields.map(\.id.rawValue) == expected.map(\.0))
        #expect(kind.fields.map(\.name) == expected.map(\.1))
        #expect(kind.fields.map(\.valueCase) == expected.map(\.2))
        for (id, name, _) in expected {
            #expect(kind.fieldName(FieldID(id)) == name)
            #expect(kind.fieldID(named: name) == FieldID(id))
        }
        #expect(kind.fieldName(FieldID(999)) == nil)
        #expect(kind.fieldID(named: "no_such_field") == nil)
    }
}
