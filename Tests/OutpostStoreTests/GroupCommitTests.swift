import Foundation
import GRDB
@testable import OutpostSQLite
import Synchronization
import StoreTestSupport
import Testing

@Suite("Group commit: concurrent sync transactions share one commit")
struct GroupCommitTests {
    private struct Refused: Error {}

    /// How many transactions have been handed in.
    private final class StartedCount: Sendable {
        let value = Atomic<Int>(0)
    }

    /// Counts the commits of the writer connection.
    private final class CommitCounter: TransactionObserver, @unchecked Sendable {
        // @unchecked: GRDB calls the observer on the writer's queue only, and the test reads the count after every write returned.
        var commits = 0
        func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool { true }
        func databaseDidChange(with event: DatabaseEvent) {}
        func databaseDidCommit(_ db: Database) { commits += 1 }
        func databaseDidRollback(_ db: Database) {}
    }

    @Test("Each caller returns after the commit that holds its work; a transaction that throws is rolled back alone")
    func concurrentTransactions() async throws {
        let file = try ScratchFolder("outpost-store")
        defer { file.remove() }
        let pool = try DatabasePool(path: file.path("outpost.sqlite"))
        try await pool.write { db in try db.execute(sql: "CREATE TABLE t (n INTEGER PRIMARY KEY)") }
        let counter = CommitCounter()
        pool.add(transactionObserver: counter)
        let commits = GroupCommit(writer: pool)
        let count = 60
        // Hold the writer until every transaction has been handed in, so they meet in the queue.
        let started = StartedCount()
        let release = DispatchSemaphore(value: 0)
        pool.asyncWriteWithoutTransaction { _ in release.wait() }
        let results = try await withThrowingTaskGroup(of: (Int, Bool).self) { group in
            for n in 0..<count {
                group.addTask {
                    started.value.add(1, ordering: .sequentiallyConsistent)
                    do {
                        try await commits.run { db in
                            try db.execute(sql: "INSERT INTO t (n) VALUES (?)", arguments: [n])
                            if n % 7 == 3 { throw Refused() }
                        }
                    } catch is Refused {
                        return (n, false)
                    }
                    // Committed: a fresh connection sees it at once.
                    let visible = try await DatabaseQueue(path: file.path("outpost.sqlite")).read { db in try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM t WHERE n = ?)", arguments: [n]) } ?? false
                    #expect(visible, "transaction \(n) returned before its commit")
                    return (n, true)
                }
            }
            while started.value.load(ordering: .sequentiallyConsistent) < count { await Task.yield() }
            release.signal()
            var results: [(Int, Bool)] = []
            for try await result in group { results.append(result) }
            return results
        }
        let kept = try await pool.read { db in try Int.fetchSet(db, sql: "SELECT n FROM t") }
        #expect(kept == Set(results.filter(\.1).map(\.0)))
        #expect(kept == Set((0..<count).filter { $0 % 7 != 3 }), "every transaction that did not throw is kept, none that threw")
        // The table's creation is one commit; the 60 transactions arrived while the writer was held.
        #expect(counter.commits - 1 < count / 2, "\(counter.commits - 1) commits for \(count) transactions")
    }
}
