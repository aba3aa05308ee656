import GRDB
import Synchronization

/// Group commit for the sync ledger's write transactions: the transactions that
/// arrive while the writer is busy run together in one SQLite transaction, each in
/// its own savepoint, and share one commit, so one `fsync` (`synchronous = FULL`)
/// makes a whole group durable instead of one each.
///
/// Nothing weakens "acknowledged means durable": a transaction's caller resumes only
/// after the commit that holds it has returned. A transaction that throws rolls back
/// its savepoint alone and its caller gets the error, as if it had run by itself; the
/// group's order is arrival order, so each transaction sees the ones before it, as
/// serial transactions would. If the commit fails, or SQLite rolls the whole
/// transaction back under a transaction (a full disk, an I/O error), every caller
/// whose work was in it gets that error and nothing of theirs is kept.
final class GroupCommit: Sendable {
    /// One caller's transaction.
    final class Job: Sendable {
        /// Runs it inside the group; returns how to answer its caller once the group's
        /// fate is known (the group's error, or `nil`: committed). Taken (so released)
        /// when it runs: the caller's non-escaping body must be gone before it resumes.
        private let work: Mutex<(@Sendable (Database) -> Answer)?>
        private let failure: @Sendable (any Error) -> Void

        init(run: @escaping @Sendable (Database) -> Answer, fail: @escaping @Sendable (any Error) -> Void) {
            work = Mutex(run)
            failure = fail
        }

        /// Answers its caller with `error` without running the transaction (released first).
        func fail(_ error: any Error) {
            _ = work.withLock { $0.take() }
            failure(error)
        }

        /// Runs the transaction once, releasing it.
        func run(_ db: Database) -> Answer {
            guard let work = work.withLock({ $0.take() }) else { return { _ in } }
            return work(db)
        }
    }
    typealias Answer = @Sendable ((any Error)?) -> Void

    private let writer: any DatabaseWriter
    private let state = Mutex(State())

    private struct State {
        var waiting: [Job] = []
        var draining = false
    }

    init(writer: any DatabaseWriter) {
        self.writer = writer
    }

    /// Runs `body` in a savepoint of the next group, returning once the group committed.
    /// `body` is released before this returns, so a caller may pass a non-escaping
    /// closure through `withoutActuallyEscaping`.
    func run<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            submit(Job(run: { db in
                let settled: Result<T, any Error>
                do {
                    var value: T?
                    try db.inSavepoint {
                        value = try body(db)
                        return .commit
                    }
                    settled = .success(value!)
                } catch {
                    settled = .failure(error)
                }
                return { groupError in
                    if let groupError, case .success = settled { continuation.resume(throwing: groupError) } else { continuation.resume(with: settled) }
                }
            }, fail: { continuation.resume(throwing: $0) }))
        }
    }

    private func submit(_ job: Job) {
        let start = state.withLock { state -> Bool in
            state.waiting.append(job)
            guard !state.draining else { return false }
            state.draining = true
            return true
        }
        if start { writer.asyncWriteWithoutTransaction { [self] db in drain(db) } }
    }

    /// Runs the waiting transactions as one group on the writer's queue, then queues
    /// itself again if more arrived meanwhile (behind any other write, which never starves).
    private func drain(_ db: Database) {
        let group = state.withLock { state -> [Job] in
            defer { state.waiting = [] }
            return state.waiting
        }
        commit(group[...], db)
        let more = state.withLock { state -> Bool in
            if state.waiting.isEmpty { state.draining = false }
            return state.draining
        }
        if more { writer.asyncWriteWithoutTransaction { [self] db in drain(db) } }
    }

    /// Runs `group` in SQLite transactions (one, unless SQLite rolls one back under
    /// it) and answers every caller after the end of the transaction that held it.
    private func commit(_ group: ArraySlice<Job>, _ db: Database) {
        var rest = group
        while !rest.isEmpty {
            do {
                try db.beginTransaction(.immediate)
            } catch {
                rest.forEach { $0.fail(error) }
                return
            }
            var answers: [Answer] = []
            var lost = false
            while let job = rest.popFirst() {
                answers.append(job.run(db))
                if !db.isInsideTransaction {
                    // SQLite rolled the whole transaction back: the group's work so far is gone.
                    lost = true
                    break
                }
            }
            if lost {
                answers.forEach { $0(GroupCommitError.rolledBack) }
                continue
            }
            do {
                try db.commit()
                answers.forEach { $0(nil) }
            } catch {
                try? db.rollback()
                answers.forEach { $0(error) }
            }
        }
    }
}

/// Why a transaction of a group was lost without an error of its own.
enum GroupCommitError: Error, CustomStringConvertible {
    /// SQLite rolled back the group's transaction while another transaction of it ran.
    case rolledBack

    var description: String {
        "the database rolled back a group of sync transactions (a full disk or an I/O error?); nothing of this request was kept, sync again"
    }
}
