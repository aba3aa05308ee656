import OutpostProtocol
import OutpostSQLite

extension ServerMetrics {
    /// Counts the writes of one push: accepted, and refused by reason.
    func count(_ report: PushReport) {
        writes(accepted: report.accepted,
               refusedByReason: Dictionary(grouping: report.outcome.refusals, by: { "\($0.code)" }).mapValues(\.count))
    }
}

extension Optional where Wrapped == SyncObservation {
    /// `frame`, counted as sent when a sync is being measured.
    func counting(_ frame: [UInt8]) -> [UInt8] {
        self?.sent(frame.count)
        return frame
    }
}
