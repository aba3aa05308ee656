import GRDB
import OutpostProtocol

/// Applies the response frames of one exchange in transactions of several frames, so a
/// long transfer pays one commit (and its fsyncs) per batch instead of one per frame.
///
/// Each frame stores its cursor in the batch's transaction, so what a crash keeps is
/// always whole frames up to the cursor stored with them: the next sync resumes there
/// (the server sends the rest again, and settles the device's writes it acknowledged in
/// frames that were not committed once more, by their counters).
/// A batch commits after ``recordsPerCommit`` records or ``commitInterval``, whichever
/// comes first, after a frame the device waited ``slowLinkWait`` or longer for (the link
/// is the bound then, and a batch held open while waiting for the next frame would keep
/// the rep's other `outpost` commands out of the replica), after the final frame, and
/// when the exchange ends.
struct FrameBatch {
    /// Records applied before the batch commits.
    static let recordsPerCommit = 20_000
    /// The longest a batch stays uncommitted once a frame arrives after it.
    static let commitInterval: Duration = .seconds(1)
    /// A wait for a frame this long shows a slow link: the frame's batch commits at once.
    static let slowLinkWait: Duration = .milliseconds(250)

    private let replica: Replica
    private let db: Database
    private let now: () -> ContinuousClock.Instant
    private var records = 0
    private var opened: ContinuousClock.Instant
    /// When the previous frame was applied (at first, when the exchange began).
    private var lastApplied: ContinuousClock.Instant

    /// A batch for one exchange that starts now; `now` reads the clock.
    init(replica: Replica, db: Database, now: @escaping () -> ContinuousClock.Instant) {
        self.replica = replica
        self.db = db
        self.now = now
        opened = now()
        lastApplied = opened
    }

    /// Applies `frame` in the open batch (opening one if needed), committing when the batch is full.
    /// - Throws: what applying failed on, after rolling the uncommitted frames back.
    mutating func apply(_ frame: SyncResponseFrame) throws -> FrameEffect {
        let arrived = now()
        let waited = arrived - lastApplied
        if !db.isInsideTransaction {
            try db.beginTransaction()
            records = 0
            opened = arrived
        }
        let effect: FrameEffect
        // A frame half applied must not be committed with the whole ones before it.
        do { effect = try replica.apply(frame, db) } catch {
            try? db.rollback()
            throw error
        }
        records += frame.records.count
        lastApplied = now()
        if frame.isFinal || records >= Self.recordsPerCommit || lastApplied - opened >= Self.commitInterval
            || waited >= Self.slowLinkWait {
            try commit()
        }
        return effect
    }

    /// Commits the frames applied since the last commit, if any.
    func commit() throws {
        if db.isInsideTransaction { try db.commit() }
    }
}
