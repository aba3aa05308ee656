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
/// comes first, after the final frame, and when the exchange ends.
struct FrameBatch {
    /// Records applied before the batch commits.
    static let recordsPerCommit = 20_000
    /// The longest a batch stays uncommitted once a frame arrives after it.
    static let commitInterval: Duration = .seconds(1)

    private let replica: Replica
    private let db: Database
    private var records = 0
    private var opened = ContinuousClock.now

    init(replica: Replica, db: Database) {
        self.replica = replica
        self.db = db
    }

    /// Applies `frame` in the open batch (opening one if needed), committing when the batch is full.
    /// - Throws: what applying failed on, after rolling the uncommitted frames back.
    mutating func apply(_ frame: SyncResponseFrame) throws -> FrameEffect {
        if !db.isInsideTransaction {
            try db.beginTransaction()
            records = 0
            opened = .now
        }
        let effect: FrameEffect
        // A frame half applied must not be committed with the whole ones before it.
        do { effect = try replica.apply(frame, db) } catch {
            try? db.rollback()
            throw error
        }
        records += frame.records.count
        if frame.isFinal || records >= Self.recordsPerCommit || ContinuousClock.now - opened >= Self.commitInterval {
            try commit()
        }
        return effect
    }

    /// Commits the frames applied since the last commit, if any.
    func commit() throws {
        if db.isInsideTransaction { try db.commit() }
    }
}
