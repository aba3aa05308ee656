import OutpostInterchange
import OutpostSQLite
import OutpostStore

extension RecordStore {
    /// Every stored record of `kind`, for `export` and for planning an `import`.
    func interchangeRecords(_ kind: InterchangeKind) async throws(StoreError) -> InterchangeRecords {
        switch kind {
        case .accounts: .accounts(try await accounts(in: nil))
        case .contacts: .contacts(try await contacts(of: nil))
        case .opportunities: .opportunities(try await opportunities(of: nil))
        case .leads: .leads(try await leads(in: nil))
        case .activities: .activities(try await activities(of: nil))
        case .territories: .territories(try await territories())
        case .users: .users(try await users())
        case .quotas: .quotas(try await quotas())
        case .products: .products(try await products())
        }
    }
}

extension RecordBatch {
    /// A batch holding `records`.
    init(_ records: InterchangeRecords) {
        self.init()
        switch records {
        case .accounts(let records): accounts = records
        case .contacts(let records): contacts = records
        case .opportunities(let records): opportunities = records
        case .leads(let records): leads = records
        case .activities(let records): activities = records
        case .territories(let records): territories = records
        case .users(let records): users = records
        case .quotas(let records): quotas = records
        case .products(let records): products = records
        }
    }
}
