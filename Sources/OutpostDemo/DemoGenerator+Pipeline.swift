import OutpostModel
import OutpostStore

extension DemoGenerator {
    /// Adds an opportunity closing in the two quarters before today's, today's quarter or
    /// the two after; past ones are mostly won or lost, near ones further along.
    mutating func addOpportunity(of accountID: AccountID, company: CompanyName, in staffed: StaffedDistrict) -> OpportunityID {
        let windowStart = today.quarterStart(offset: -2).daysSinceEpoch
        let windowEnd = today.quarterStart(offset: 3).daysSinceEpoch - 1
        let closeDate = CalendarDay(daysSinceEpoch: random.int(in: windowStart...windowEnd))
        let stage = stage(closingOn: closeDate)
        let amount = dealAmount(in: staffed.district.country.currency)
        let opportunity = Opportunity(id: OpportunityID(random.uuid()), accountID: accountID, ownerID: staffed.repID,
                                      name: "\(company.shortName) – \(random.pick(SalesWords.dealTopics))",
                                      stage: stage, amount: amount, closeDate: closeDate)
        batch.opportunities.append(opportunity)
        if currentQuarter.contains(closeDate) {
            quarterTotals[staffed.repID, default: [:]][stage.forecastCategory, default: 0] += amount.minorUnits
        }
        return opportunity.id
    }

    private mutating func stage(closingOn closeDate: CalendarDay) -> OpportunityStage {
        let daysAhead = closeDate.daysSinceEpoch - today.daysSinceEpoch
        if daysAhead < 0 {
            // Mostly decided; the rest are overdue deals still being worked.
            return random.weighted([.closedWon: 40, .closedLost: 35, .negotiation: 10, .proposal: 10, .qualification: 5])
        } else if daysAhead <= 45 {
            return random.weighted([.prospecting: 10, .qualification: 20, .proposal: 35, .negotiation: 35])
        }
        return random.weighted([.prospecting: 40, .qualification: 35, .proposal: 20, .negotiation: 5])
    }

    /// A log-normal-like deal size: median about 20,000, most between 3,000 and 150,000,
    /// rounded the way people quote (to 50, 500 or 5,000).
    private mutating func dealAmount(in currency: Currency) -> Money {
        let raw = min(max(20_000 * random.logNormalFactor(count: 5), 500), 2_000_000)
        let step: Double = raw < 10_000 ? 50 : raw < 100_000 ? 500 : 5000
        let units = Int64((raw / step).rounded()) * Int64(step)
        return Money(minorUnits: units * currency.minorUnitsPerUnit, currency: currency)
    }

    /// Adds 1–7 calls, visits, e-mails and tasks from five months ago to a month ahead;
    /// past ones are mostly done, some of today's too.
    /// - Parameter firstToday: whether the first activity falls on today.
    /// - Returns: the day of the latest visit done, for the account's `lastVisit`.
    mutating func addActivities(of accountID: AccountID, contacts: [ContactID], opportunities: [OpportunityID],
                                owner: UserID, firstToday: Bool) -> CalendarDay? {
        var lastVisit: CalendarDay?
        for index in 0..<random.int(in: 1...7) {
            let kind: ActivityKind = random.weighted([.call: 35, .email: 30, .visit: 20, .task: 15])
            let offset = firstToday && index == 0 ? 0 : random.int(in: -150...30)
            let day = today.adding(days: offset)
            let done = offset < 0 ? random.chance(0.92) : offset == 0 && random.chance(0.4)
            let activity = Activity(
                id: ActivityID(random.uuid()), kind: kind, subject: random.pick(SalesWords.activitySubjects(for: kind)),
                day: day, accountID: accountID,
                contactID: random.chance(0.8) ? random.pick(contacts) : nil,
                opportunityID: !opportunities.isEmpty && random.chance(0.4) ? random.pick(opportunities) : nil,
                ownerID: owner, done: done,
                notes: random.chance(0.15) ? random.pick(SalesWords.activityNotes) : nil)
            batch.activities.append(activity)
            if kind == .visit, done, lastVisit.map({ $0 < day }) ?? true { lastVisit = day }
        }
        return lastVisit
    }
}
