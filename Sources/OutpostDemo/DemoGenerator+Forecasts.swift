import Foundation
import OutpostModel
import OutpostStore

extension DemoGenerator {
    /// Adds the current quarter's forecast submission of the featured rep and of most other reps.
    ///
    /// Figures are cumulative, as `ForecastCategory` describes: `closed` is what was won,
    /// `commit` adds the rep's call on the committed deals, `best_case` adds the best-case
    /// deals, and `pipeline` is the open pipeline. Each is rounded to thousands.
    mutating func addForecasts(for districts: [StaffedDistrict]) {
        for staffed in districts where staffed.isFeatured || random.chance(0.85) {
            let currency = staffed.district.country.currency
            let totals = quarterTotals[staffed.repID] ?? [:]
            let sum: (ForecastCategory) -> Double = { Double(totals[$0] ?? 0) }
            // The rep's judgement: between 85% and 115% of what the stages say.
            let closed = sum(.closed)
            let commit = closed + sum(.commit) * (0.85 + 0.3 * random.unit())
            let bestCase = commit + sum(.bestCase) * (0.85 + 0.3 * random.unit())
            let pipeline = sum(.pipeline) + sum(.bestCase) + sum(.commit)
            let thousand = Double(1000 * currency.minorUnitsPerUnit)
            let money: (Double) -> Money = {
                Money(minorUnits: Int64(($0 / thousand).rounded()) * Int64(thousand), currency: currency)
            }
            batch.forecastSubmissions.append(ForecastSubmission(
                id: EntityID<ForecastSubmission>(random.uuid()), ownerID: staffed.repID,
                territoryID: staffed.territoryID, period: currentQuarter,
                amounts: [.closed: money(closed), .commit: money(commit), .bestCase: money(bestCase),
                          .pipeline: money(pipeline)]))
        }
    }

    /// Gives every rep a quota for the current quarter: 60% of the quarter's open and won
    /// opportunity amounts, rounded to thousands (no random draws, so the rest of the
    /// company does not change).
    mutating func addQuotas(for districts: [StaffedDistrict]) {
        for staffed in districts {
            let currency = staffed.district.country.currency
            let total = (quarterTotals[staffed.repID] ?? [:]).filter { $0.key != .omitted }.values.reduce(0, +)
            let thousand = Int64(1000 * currency.minorUnitsPerUnit)
            let amount = Int64((Double(total) * 0.6 / Double(thousand)).rounded()) * thousand
            // The quota's id is the rep's with its first byte flipped: deterministic, and
            // distinct from every other record id (ids are unique across kinds).
            var bytes = staffed.repID.uuid.uuid
            bytes.0 ^= 0xFF
            batch.quotas.append(Quota(id: EntityID<Quota>(UUID(uuid: bytes)), userID: staffed.repID,
                                      territoryID: staffed.territoryID, period: currentQuarter,
                                      amount: Money(minorUnits: amount, currency: currency)))
        }
    }
}
