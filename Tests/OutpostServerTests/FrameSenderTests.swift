import Foundation
import HubCore
import HubTestSupport
import MergeEngine
import OutpostModel
import OutpostReplication
import OutpostProtocol
import SodiumKit
import SyncChannel
import Synchronization
import Testing
@testable import OutpostServer

/// The server streams a multi-frame delivery with the next page read and encoded while
/// the frame before it is compressed, sealed and sent (``FrameSender``): the frames must
/// stay those of a serial loop, in order, and the reader must stay close behind the
/// transport.
@Suite("Pipelined response frames")
struct FrameSenderTests {
    /// 30 accounts in 3-record pages: a delivery of about ten frames.
    static let accounts = 30
    static let batchSize = 3

    @Test("A bootstrap's frames arrive in order, each cursor past the last, every record once, the reader at most a page ahead")
    func ordered() async throws {
        let company = try await Company()
        let (frames, readsAtSend, _) = try await company.bootstrap { _, _ in
            // Give the reader every chance to run ahead while the transport holds a frame.
            for _ in 0..<50 { await Task.yield() }
        }
        let opened = try company.open(frames)
        #expect(opened.count >= Self.accounts / Self.batchSize)
        #expect(opened.last?.outcome != nil)
        #expect(opened.dropLast().allSatisfy { $0.outcome == nil })
        let watermarks = opened.map(\.cursor.watermark)
        #expect(watermarks == watermarks.sorted())
        let ids = opened.flatMap { $0.records.map(\.state.id) }
        #expect(ids.count == Set(ids).count)
        #expect(Set(ids) == company.accountIDs)
        // Frame k (from 0) is sent once its page is read: the reader may hold one more
        // page and be reading a third (a page may take two reads when a backfill ends).
        for (index, reads) in readsAtSend.enumerated() {
            #expect(reads <= index + 3, "frame \(index) was sent after \(reads) ledger reads")
        }
    }

    @Test("A read that fails mid-delivery ends the response with its error, after every frame read before it")
    func failedRead() async throws {
        let company = try await Company()
        let (clean, _, _) = try await company.bootstrap()
        let failing = Company(seed: company)
        await #expect(throws: PageFault.self) { _ = try await failing.bootstrap(failingRead: 4) }
        let received = failing.received.withLock { $0 }
        #expect(!received.isEmpty && received.count < clean.count)
        #expect(try failing.open(received).map(\.cursor) == company.open(Array(clean.prefix(received.count))).map(\.cursor))
    }

    @Test("A transport that stops taking frames stops the reader: nothing more is read once the response ends")
    func cutLink() async throws {
        let company = try await Company()
        let (clean, _, totalReads) = try await company.bootstrap()
        let cut = Company(seed: company)
        await #expect(throws: TransportStopped.self) {
            _ = try await cut.bootstrap { index, _ in if index == 2 { throw TransportStopped() } }
        }
        let readsAtReturn = cut.ledger.reads
        for _ in 0..<50 { await Task.yield() }
        #expect(cut.ledger.reads == readsAtReturn)
        #expect(readsAtReturn <= 2 + 3 && readsAtReturn < totalReads, "read \(readsAtReturn) pages of \(totalReads) for \(clean.count) frames")
    }
}

/// A ledger read the tests make fail.
private struct PageFault: Error {}

/// The in-memory ledger, counting its read snapshots (one per page a delivery reads)
/// and failing the one numbered `failingRead`.
private final class CountingLedger: SyncLedger {
    typealias Transaction = InMemoryTransaction
    let inner: InMemoryLedger
    private let count = Atomic<Int>(0)
    /// The read that fails (0: none).
    let failingRead = Atomic<Int>(0)

    init(_ inner: InMemoryLedger) { self.inner = inner }

    var reads: Int { count.load(ordering: .sequentiallyConsistent) }

    func transaction<T: Sendable>(_ body: @Sendable (InMemoryTransaction) throws -> T) async throws -> T {
        try await inner.transaction(body)
    }

    func snapshot<T: Sendable>(_ body: @Sendable (InMemoryTransaction) throws -> T) async throws -> T {
        let read = count.add(1, ordering: .sequentiallyConsistent).newValue
        if read == failingRead.load(ordering: .sequentiallyConsistent) { throw PageFault() }
        return try await inner.snapshot(body)
    }
}

/// A territory of accounts written by one device, and a second device's bootstrap of
/// it streamed through ``FrameSender`` into ``received`` (one bootstrap per instance).
private final class Company: Sendable {
    let ledger: CountingLedger
    let territory: TerritoryID
    let newDevice: UInt32
    let accountIDs: Set<RecordID>
    let key: AEAD.Key
    /// The frames the transport took, and the delivery's ledger reads as each was offered.
    let received = Mutex<[[UInt8]]>([])
    let readsAtSend = Mutex<[Int]>([])
    private static let salt: [UInt8] = [1, 2, 3, 4, 5, 6, 7, 8]

    /// A fresh company.
    init() async throws {
        var harness = HubHarness(devices: 2)
        var ids: Set<RecordID> = []
        for index in 0..<FrameSenderTests.accounts {
            let account = harness.account("Account \(index)")
            harness.create(account, on: 0, at: WallClock(milliseconds: 1_780_000_000_000))
            ids.insert(account.recordID)
        }
        try await harness.sync(0)
        ledger = CountingLedger(harness.ledger)
        territory = harness.territory
        newDevice = harness.devices[1].number
        accountIDs = ids
        key = try AEAD.Key.generate()
    }

    /// The same company over the same ledger, counting reads afresh, with another new device.
    init(seed: Company) {
        ledger = CountingLedger(seed.ledger.inner)
        territory = seed.territory
        newDevice = ledger.inner.enrol(User(name: "newcomer", displayName: "Newcomer", role: .rep, territoryIDs: [territory])).number
        accountIDs = seed.accountIDs
        key = seed.key
    }

    /// The new device's bootstrap, 3 records a frame: the sealed frames, the ledger reads
    /// of the delivery when each was handed to the transport, and its reads in all.
    /// The delivery's read number `failingRead` (from 1) fails; `transport` sees each
    /// frame's index first and may throw to stop taking frames.
    func bootstrap(failingRead: Int = 0, transport: @escaping @Sendable (Int, [UInt8]) async throws -> Void = { _, _ in })
        async throws -> (frames: [[UInt8]], readsAtSend: [Int], reads: Int) {
        let hub = SyncHub(ledger: ledger, limits: HubLimits(maxWritesPerRequest: 1000, burst: .max, requestsPerSecond: 1),
                          batchSize: FrameSenderTests.batchSize)
        let device = try await hub.device(number: newDevice)
        let request = DeviceRequest(device: device, counter: 1, cursor: .start, writes: [])
        guard case .applied(let report) = try await hub.push(request, now: Date(timeIntervalSince1970: 1_780_000_000)) else {
            throw PageFault()
        }
        let baseline = ledger.reads
        if failingRead > 0 { ledger.failingRead.store(baseline + failingRead, ordering: .sequentiallyConsistent) }
        var sender = FrameSender(sealer: ResponseFrames.Sealer(counter: 1, salt: Self.salt, key: key), request: .start) { frame in
            let index = self.received.withLock { $0.count }
            self.readsAtSend.withLock { $0.append(self.ledger.reads - baseline) }
            try await transport(index, frame)
            self.received.withLock { $0.append(frame) }
        }
        _ = try await sender.send(hub.delivery(for: request, report: report))
        return (received.withLock { $0 }, self.readsAtSend.withLock { $0 }, ledger.reads - baseline)
    }

    /// `frames` opened and decoded as the device does.
    func open(_ frames: [[UInt8]]) throws -> [SyncResponseFrame] {
        let opener = ResponseFrames.Opener(counter: 1, salt: Self.salt, key: key)
        return try frames.enumerated().map { index, frame in
            try SyncResponseFrame(decoding: opener.open(frame, index: UInt32(index)), answering: .start, hub: ReplicaID.hub)
        }
    }
}
