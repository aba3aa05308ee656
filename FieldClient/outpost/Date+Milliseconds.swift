import Foundation

extension Date {
    /// The instant `milliseconds` after 1970-01-01 UTC, as the replica stamps writes and syncs.
    init(milliseconds: Int64) {
        self.init(timeIntervalSince1970: Double(milliseconds) / 1000)
    }
}
