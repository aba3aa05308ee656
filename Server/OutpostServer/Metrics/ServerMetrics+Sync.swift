import HubCore
import MergeEngine

extension ServerMetrics {
    /// Counts the writes of one push: accepted, and refused by reason.
    func count(_ report: PushReport) {
        let refusals = report.outcome.outcomes.compactMap { outcome -> RefusalCode? in
            if case .refused(let code, _) = outcome.result { return code }
            return nil
        }
        writes(accepted: report.accepted, refusedByReason: Dictionary(grouping: refusals, by: { "\($0)" }).mapValues(\.count))
    }
}

extension Optional where Wrapped == SyncObservation {
    /// `frame`, counted as sent when a sync is being measured.
    func counting(_ frame: [UInt8]) -> [UInt8] {
        self?.sent(frame.count)
        return frame
    }
}
