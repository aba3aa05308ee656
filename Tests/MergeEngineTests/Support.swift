@testable import MergeEngine

/// Shared fixtures for the merge-engine tests.
enum Fixture {
    static let noon = WallClock(milliseconds: 1_750_000_000_000)
    static let day: Int64 = 24 * 60 * 60 * 1000
    static let account = RecordTypeID(1)
}
