import PropertyBased
import Testing
import SeededRandom
import MergeEngine
import OutpostModel
import OutpostReplication

/// Random valid model records, one maker per kind.
struct RandomRecords {
    var rng: SplitMix

    init(seed: UInt64) { rng = SplitMix(seed: seed) }

    /// A random valid record of `kind`.
    mutating func record(_ kind: ReplicatedKind) -> any ReplicatedRecord {
        switch kind {
        case .territory: Territory(id: id(), name: text(), parentID: maybe { $0.id() })
        case .user:
            User(id: id(), name: login(), displayName: text(), role: pick(Role.allCases),
                 territoryIDs: (0..<int(0...4)).map { _ in id() })
        case .account:
            Account(id: id(), territoryID: id(), name: text(), industry: maybe { $0.text() }, city: maybe { $0.text() },
                    country: maybe { random in String((0..<2).map { _ in random.pick(Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")) }) },
                    phone: maybe { "+49 (89) " + String($0.int(0...999_999)) }, lastVisit: maybe { $0.day() },
                    vatNumber: maybe { "DE" + String($0.int(100_000_000...999_999_999)) }, website: maybe { "www.\($0.int(0...9999)).example" })
        case .contact:
            Contact(id: id(), accountID: id(), firstName: text(), lastName: text(), email: maybe { $0.email() },
                    phone: maybe { $0.text() }, title: maybe { $0.text() })
        case .lead:
            Lead(id: id(), territoryID: id(), company: text(), firstName: text(), lastName: text(),
                 email: maybe { $0.email() }, status: pick(LeadStatus.allCases))
        case .opportunity:
            opportunity()
        case .activity:
            Activity(id: id(), kind: pick(ActivityKind.allCases), subject: text(), day: day(), accountID: id(),
                     contactID: maybe { $0.id() }, opportunityID: maybe { $0.id() }, ownerID: id(), done: bool(),
                     notes: maybe { $0.text() }, time: maybe { try! TimeOfDay(hour: $0.int(0...23), minute: $0.int(0...59)) })
        case .product:
            Product(id: id(), sku: text(), name: text(), basePrice: money(currency(), nonNegative: true))
        case .productOption:
            ProductOption(id: id(), productID: id(), code: text(), name: text(),
                          price: money(currency(), nonNegative: true), variable: maybe { $0.int(-5...5000) })
        case .priceBook:
            priceBook()
        case .configuratorModel:
            ConfiguratorModel(productID: id(), variableCount: int(0...100_000),
                              clauses: (0..<int(0...5)).map { _ in (0..<int(0...4)).map { _ in literal() } })
        case .forecastSubmission:
            forecastSubmission()
        case .forecastAdjustment:
            bool()
                ? ForecastAdjustment(id: id(), submissionID: id(), managerID: id(), category: pick(ForecastCategory.allCases),
                                     amount: money(currency(), nonNegative: false), note: maybe { $0.text() },
                                     madeAt: maybe { $0.int(0...4_000_000_000) })
                : ForecastAdjustment(id: id(), rep: id(), territoryID: id(), period: period(), managerID: id(),
                                     category: pick(ForecastCategory.allCases), amount: money(currency(), nonNegative: false),
                                     note: maybe { $0.text() }, madeAt: maybe { $0.int(0...4_000_000_000) })
        case .quote:
            quote()
        case .quota:
            Quota(id: id(), userID: id(), territoryID: id(), period: period(), amount: money(currency(), nonNegative: true))
        case .order:
            order()
        case .catalogBundle:
            CatalogBundle(productID: id(), version: int(1...Int.max), memberCount: int(0...Int.max),
                          membersDigest: bytes(32), signature: bytes(64))
        case .device:
            DeviceName(id: id(), number: int(1...Int(UInt32.max)), userID: id(), label: text(), documentBudget: maybe { $0.int(0...10_000_000) })
        case .document:
            document()
        }
    }

    private mutating func document() -> Document {
        let kind = pick(DocumentAttachmentKind.allCases)
        let chunks = (0..<int(0...3)).map { _ in DocumentContentList.Chunk(id: bytes(32), length: int(1...70_000)) }
        return Document(id: id(), title: text(), fileName: text(), mediaType: text(), attachedKind: kind,
                        attachedID: kind == .catalog ? nil : id(), tags: maybe { $0.text() },
                        content: DocumentContentList(contentID: bytes(32), chunks: chunks), pinnedEverywhere: bool())
    }

    private mutating func bytes(_ count: Int) -> [UInt8] { (0..<count).map { _ in UInt8(int(0...255)) } }

    private mutating func opportunity() -> Opportunity {
        let stage = pick(OpportunityStage.allCases)
        let probability = stage == .closedWon ? 100 : stage == .closedLost ? 0 : int(0...100)
        return Opportunity(id: id(), accountID: id(), ownerID: id(), name: text(), stage: stage,
                           amount: money(currency(), nonNegative: true), closeDate: day(), probability: probability)
    }

    private mutating func priceBook() -> PriceBook {
        let currency = currency()
        var entries: [ProductID: Money] = [:]
        for _ in 0..<int(0...5) { entries[id()] = money(currency, nonNegative: true) }
        var tiers: [ProductID: VolumeSchedule] = [:]
        for _ in 0..<int(0...2) {
            var from = 1
            tiers[id()] = VolumeSchedule(kind: pick(TierKind.allCases), tiers: (0..<int(1...3)).map { _ in
                defer { from += int(1...100) }
                return VolumeTier(fromQuantity: from, discountBasisPoints: int(0...10_000))
            })
        }
        return PriceBook(id: id(), name: text(), currency: currency, entries: entries, tiers: tiers,
                         approvalThresholdBasisPoints: maybe { $0.int(0...10_000) })
    }

    private mutating func forecastSubmission() -> ForecastSubmission {
        let currency = currency()
        var amounts: [ForecastCategory: Money] = [:]
        for category in ForecastCategory.allCases where bool() { amounts[category] = money(currency, nonNegative: false) }
        return ForecastSubmission(id: id(), ownerID: id(), territoryID: id(), period: period(), amounts: amounts)
    }

    private mutating func period() -> ForecastPeriod {
        bool() ? .month(year: int(1900...2999), month: int(1...12)) : .quarter(year: int(1900...2999), quarter: int(1...4))
    }

    private mutating func quote() -> Quote {
        let currency = currency()
        let lines = (0..<int(0...3)).map { _ in
            QuoteLine(productID: id(), selectedOptionIDs: (0..<int(0...3)).map { _ in id() },
                      quantity: int(1...1_000_000), unitPrice: money(currency, nonNegative: false))
        }
        return Quote(id: id(), opportunityID: id(), status: pick(QuoteStatus.allCases), lines: lines,
                     discountBasisPoints: int(0...10_000), bundleVersion: int(Int.min...Int.max),
                     discountAmount: maybe { $0.money(currency, nonNegative: true) }, priceBookID: maybe { $0.id() },
                     total: maybe { $0.money(currency, nonNegative: true) }, approvedBy: maybe { $0.id() },
                     number: maybe { $0.int(1...9_999_999) }, revision: maybe { $0.int(1...99) }, revisionOf: maybe { $0.id() },
                     validUntil: maybe { $0.day() }, rejectionReason: maybe { $0.text() })
    }

    /// An order, half the time with a priced sheet whose figures add up.
    private mutating func order() -> Order {
        let currency = currency()
        var order = Order(id: id(), quoteID: id(), quoteHash: text(), number: maybe { OrderNumber($0.int(1...9_999_999)) },
                          status: pick(OrderStatus.allCases), deskNote: maybe { $0.text() })
        order.contactID = maybe { $0.id() }
        order.shipTo = maybe { $0.text() }
        order.billTo = maybe { $0.text() }
        order.requestedDelivery = maybe { $0.day() }
        order.orderedOn = maybe { $0.day() }
        order.replacesID = maybe { $0.id() }
        order.reopenStage = maybe { $0.pick(OpportunityStage.allCases) }
        guard bool() else {
            order.total = maybe { $0.money(currency, nonNegative: true) }
            return order
        }
        let amount = { (units: Int) in Money(minorUnits: Int64(units), currency: currency) }
        order.lines = (0..<int(0...3)).map { _ in
            let base = int(0...1_000_000)
            let options = (0..<int(0...3)).map { _ in OrderLine.Option(code: text(), name: text(), price: amount(int(0...100_000))) }
            let unit = base + options.map { Int($0.price.minorUnits) }.reduce(0, +)
            let quantity = int(1...1_000)
            let tier = int(0...unit * quantity)
            return OrderLine(productID: id(), sku: text(), productName: text(), productPrice: amount(base), options: options,
                             quantity: quantity, unitPrice: amount(unit), tierDiscount: amount(tier), total: amount(unit * quantity - tier))
        }
        let subtotal = order.lines.map { Int($0.total.minorUnits) }.reduce(0, +)
        let percentage = int(0...subtotal), fixed = int(0...subtotal - percentage)
        order.subtotal = amount(subtotal)
        order.discountBasisPoints = int(0...10_000)
        order.percentageDiscount = amount(percentage)
        order.amountDiscount = amount(fixed)
        order.total = amount(subtotal - percentage - fixed)
        order.customer = maybe { $0.text() }
        order.contact = maybe { $0.text() }
        order.rep = maybe { $0.text() }
        order.opportunity = maybe { $0.text() }
        order.quoteNumber = maybe { $0.text() }
        return order
    }

    // MARK: Values

    mutating func id<Entity>() -> EntityID<Entity> { EntityID(RecordID(high: rng.next(), low: rng.next())) }

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &rng) }

    mutating func bool() -> Bool { Bool.random(using: &rng) }

    mutating func pick<T>(_ values: [T]) -> T { values[int(0...values.count - 1)] }

    mutating func maybe<T>(_ make: (inout RandomRecords) -> T) -> T? { bool() ? make(&self) : nil }

    /// Non-empty text without control characters, with non-ASCII letters and spaces.
    mutating func text() -> String {
        let letters = Array("abcXYZäöüßéñ漢字ÅØ🙂'-.")
        let inner = Array(" ") + letters
        return String(pick(letters)) + String((0..<int(0...20)).map { _ in pick(inner) })
    }

    mutating func login() -> String {
        String((0..<int(1...12)).map { _ in pick(Array("abcdefghijklmnopqrstuvwxyz0123456789.-_")) })
    }

    mutating func email() -> EmailAddress {
        try! EmailAddress("\(login())@\(pick(["acme", "beta-gmbh", "münchen"])).example")
    }

    mutating func day() -> CalendarDay {
        let first = try! CalendarDay(year: 1900, month: 1, day: 1).daysSinceEpoch
        let last = try! CalendarDay(year: 2999, month: 12, day: 31).daysSinceEpoch
        return CalendarDay(daysSinceEpoch: int(first...last))
    }

    mutating func currency() -> Currency {
        pick([Currency.eur, .usd, .gbp, try! Currency(code: "JPY"), try! Currency(code: "KWD")])
    }

    mutating func money(_ currency: Currency, nonNegative: Bool) -> Money {
        let units = bool() ? Int64.random(in: -1_000_000...1_000_000, using: &rng) : Int64(bitPattern: rng.next())
        return Money(minorUnits: nonNegative ? Int64(units.magnitude >> 1) : units, currency: currency)
    }

    mutating func literal() -> Int32 {
        let value = bool() ? Int32.random(in: 1...50, using: &rng) : Int32.random(in: 1...Int32.max, using: &rng)
        return bool() ? value : -value
    }
}

/// Checks `body` on `count` random valid records of `kind`, each given with the
/// generator that made it (to draw more from); a failure reports the seed to replay.
func checkRandomRecords(
    _ kind: ReplicatedKind, count: Int,
    sourceLocation: SourceLocation = #_sourceLocation,
    _ body: (inout RandomRecords, any ReplicatedRecord) async throws -> Void
) async {
    await propertyCheck(count: count, input: Gen.uint64(), perform: { seed in
        var random = RandomRecords(seed: seed)
        let record = random.record(kind)
        try await body(&random, record)
    }, sourceLocation: sourceLocation)
}
