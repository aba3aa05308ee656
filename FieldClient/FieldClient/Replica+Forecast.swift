public import Forecasting
import MergeEngine
import OutpostModel
import OutpostReplication

extension Replica {
    /// The forecast inputs this replica holds: the territory tree, users, every live
    /// opportunity with its account's territory, submissions, adjustments and quotas.
    /// A manager's replica holds their whole subtree, so the forecast works offline.
    public func forecastBook() throws(ReplicaError) -> ForecastBook {
        // Only each account's territory is needed: read that field, not the whole account.
        var territoryOf: [AccountID: TerritoryID] = [:]
        if let field = ReplicatedKind.account.fieldID(named: "territory_id") {
            for account in try records(of: .account) where !account.view.isDeleted {
                if case .bytes(let bytes) = account.view.values[field], let territory = try? RecordID(bytes: bytes) {
                    territoryOf[AccountID(account.id)] = TerritoryID(territory)
                }
            }
        }
        let deals = (try live(.opportunity) as [Opportunity]).compactMap { opportunity in
            territoryOf[opportunity.accountID].map { Deal(opportunity, territoryID: $0) }
        }
        return ForecastBook(territories: try live(.territory), users: try live(.user), deals: deals,
                            submissions: try live(.forecastSubmission), adjustments: try live(.forecastAdjustment),
                            quotas: try live(.quota))
    }

    /// The live records of `kind` decoded as `R`; records that no longer decode are skipped.
    public func live<R: ReplicatedRecord>(_ kind: ReplicatedKind) throws(ReplicaError) -> [R] {
        try records(of: kind).compactMap { record in
            record.view.isDeleted ? nil : try? record.decoded() as? R
        }
    }
}
