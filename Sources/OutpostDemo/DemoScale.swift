/// How big a demo company `DemoCompany.generate` builds.
///
/// Every scale has the same shape (territory tree, managers, a desk user, an admin,
/// one featured rep in Bavaria); only the number of districts and accounts differs.
/// Each account has on average 3 contacts, 1.5 opportunities and 4 activities.
public enum DemoScale: String, CaseIterable, Sendable {
    /// Three reps and about 50 accounts, for tests.
    case small
    /// 43 reps and about 10,000 accounts; the featured rep works 2,000 accounts with about
    /// 6,000 contacts, 3,000 opportunities and 8,000 activities (DESIGN.md §8).
    case medium
    /// About five times medium, the featured rep included.
    case large
}

extension DemoScale {
    /// The districts that get a rep, or `nil` for every district of `Geography`.
    var staffedDistricts: Set<String>? {
        switch self {
        case .small: [Geography.featuredDistrict, "Greater London", "Northern California"]
        case .medium, .large: nil
        }
    }

    /// The number of accounts in the featured rep's district.
    var featuredAccounts: Int {
        switch self {
        case .small: 20
        case .medium: 2000
        case .large: 10_000
        }
    }

    /// The range the number of accounts of every other district is drawn from.
    var otherAccounts: ClosedRange<Int> {
        switch self {
        case .small: 12...18
        case .medium: 120...260
        case .large: 600...1300
        }
    }
}
