import Configurator
import OutpostModel
import OutpostStore

/// The state of one `DemoCompany.generate` run; its parts live in `DemoGenerator+*.swift`.
///
/// Records are drawn from one pseudo-random stream in a fixed order (catalog, organisation,
/// then each district's accounts and leads, then forecasts), so a seed fixes every byte.
struct DemoGenerator {
    let scale: DemoScale
    let today: CalendarDay
    var random: DemoRandom
    var batch = RecordBatch()
    /// Legal names already given to an account or a lead, to keep them unique.
    var takenCompanyNames: Set<String> = []
    /// Login names already given.
    var takenLogins: Set<String> = []
    /// Each rep's current-quarter opportunity amounts per forecast category, in minor units.
    var quarterTotals: [UserID: [ForecastCategory: Int64]] = [:]

    /// How many accounts of every district surely have an activity today, so that each rep's
    /// day is never empty; more fall on today by chance.
    static let accountsWithActivityToday = 5

    init(scale: DemoScale, seed: UInt64, today: CalendarDay) {
        self.scale = scale
        self.today = today
        // Ids are minted from the start of the year before `today`, one a millisecond.
        random = DemoRandom(seed: seed, mintingFrom: UInt64(today.adding(days: -365).daysSinceEpoch) * 86_400_000)
    }

    /// The quarter holding `today`, which forecasts are submitted for.
    var currentQuarter: ForecastPeriod { .quarter(year: today.year, quarter: today.quarter) }

    mutating func generate(pcModel: DIMACSModel?) -> RecordBatch {
        addCatalog(pcModel: pcModel)
        let districts = addOrganisation()
        for district in districts {
            for index in 0..<district.accountCount {
                addAccount(in: district, withActivityToday: index < Self.accountsWithActivityToday)
            }
            addLeads(in: district)
        }
        addForecasts(for: districts)
        addQuotas(for: districts)
        return batch
    }
}

/// A district with its territory, its rep and the number of accounts it gets.
struct StaffedDistrict {
    let district: District
    let territoryID: TerritoryID
    let repID: UserID
    let accountCount: Int
    /// Whether this is the featured rep's district.
    let isFeatured: Bool
}
