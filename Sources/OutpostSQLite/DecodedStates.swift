import Foundation
import MergeEngine
import Synchronization

/// The merge states the hub's deliveries decoded lately, by record. With many devices
/// syncing, every change is read again by each device whose scope holds it (a new
/// activity by the 40-odd other devices of its reps' territories), and decoding the
/// stored state was most of reading a delivery page. Each state is now decoded once.
///
/// An entry answers only for the very bytes it was decoded from: a record saved since
/// has other stored bytes and is decoded afresh, so the cache can never hand out a
/// state older than the row it is asked for, whatever wrote the row.
///
/// Bounded by two generations of at most `capacity` records each: when the current
/// one is full it becomes the previous one (the older previous one is dropped), and a
/// record found in the previous generation moves back into the current one.
final class DecodedStates: Sendable {
    private struct Entry: Sendable {
        let stored: Data
        let state: RecordState
    }

    private struct Generations: Sendable {
        var current: [RecordID: Entry] = [:]
        var previous: [RecordID: Entry] = [:]
    }

    /// The most records a generation holds.
    let capacity: Int
    private let generations = Mutex(Generations())

    /// A cache holding at most twice `capacity` states (at least one per generation).
    init(capacity: Int = 4096) {
        self.capacity = max(1, capacity)
    }

    /// The state of record `id` stored as `stored`: the one decoded from these same bytes
    /// before, else `decode(stored)`, kept for next time.
    func state<E: Error>(of id: RecordID, stored: Data, decode: (Data) throws(E) -> RecordState) throws(E) -> RecordState {
        if let known = generations.withLock({ cached(id, stored, in: &$0) }) { return known }
        let state = try decode(stored)
        generations.withLock { keep(Entry(stored: stored, state: state), for: id, in: &$0) }
        return state
    }

    private func cached(_ id: RecordID, _ stored: Data, in generations: inout Generations) -> RecordState? {
        if let entry = generations.current[id] { return entry.stored == stored ? entry.state : nil }
        guard let entry = generations.previous[id], entry.stored == stored else { return nil }
        keep(entry, for: id, in: &generations)
        return entry.state
    }

    private func keep(_ entry: Entry, for id: RecordID, in generations: inout Generations) {
        if generations.current[id] == nil, generations.current.count >= capacity {
            generations.previous = generations.current
            generations.current = [:]
        }
        generations.current[id] = entry
    }
}
