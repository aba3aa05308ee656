public import OutpostModel

/// Renders records as CSV text that ``CSVImport`` reads back to equal records.
///
/// The header lists every column of the kind in its fixed order
/// (``InterchangeKind/columns``); `nil` fields become empty cells; amounts are
/// plain decimals with the currency's places (`1234.50`) beside their currency code.
///
/// ```swift
/// let text = CSVExport.accounts(store.accounts)
/// // id,territory_id,name,industry,city,country,phone,last_visit,vat_number,website
/// // 3f2b…,9a1c…,"Müller & Söhne, ""Nord""",Machinery,Köln,DE,,2026-03-02
/// ```
public enum CSVExport {
    /// An `accounts` file.
    public static func accounts(_ accounts: [Account]) -> String { render(AccountColumns.self, accounts) }

    /// A `contacts` file.
    public static func contacts(_ contacts: [Contact]) -> String { render(ContactColumns.self, contacts) }

    /// An `opportunities` file.
    public static func opportunities(_ opportunities: [Opportunity]) -> String {
        render(OpportunityColumns.self, opportunities)
    }

    /// A file of whichever kind `records` holds, for `outpost-server export KIND`.
    public static func text(for records: InterchangeRecords) -> String {
        switch records {
        case .accounts(let records): accounts(records)
        case .contacts(let records): contacts(records)
        case .opportunities(let records): opportunities(records)
        case .leads(let records): render(LeadColumns.self, records)
        case .activities(let records): render(ActivityColumns.self, records)
        case .territories(let records): render(TerritoryColumns.self, records)
        case .users(let records): render(UserColumns.self, records)
        case .quotas(let records): render(QuotaColumns.self, records)
        case .products(let records): render(ProductColumns.self, records)
        }
    }

    private static func render<C: RecordColumns>(_ layout: C.Type, _ records: [C.Record]) -> String {
        CSVWriter.text(header: C.columns.map(\.name), rows: records.map { record in C.columns.map { $0.format(record) } })
    }
}
