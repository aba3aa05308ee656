import ClientTransport
import Foundation
public import MergeEngine
public import OutpostModel
import OutpostProtocol
import SodiumKit
import SyncChannel

/// Runs syncs of a replica with its server: one round trip in steady state, more
/// when a dropped link cut the transfer (each resumes from the last whole frame) or
/// the server asked for more.
public struct SyncClient: Sendable {
    /// The replica to sync.
    public let replica: Replica
    /// The longest wait for any connect, send or receive.
    public var timeout: Duration = .seconds(30)
    /// How many times a dropped or refused connection is retried.
    public var retries = 3
    /// The most pending writes one request carries, oldest first; the sync goes on
    /// with another request while more remain.
    public var writesPerRequest = SyncRequest.maximumWrites
    /// The most bytes of document content one sync fetches (`--max-bytes`); `nil`: the
    /// device's default the admin set (`outpost-server docs budget`), else no limit.
    /// Records always come first and in full.
    public var documentBudget: Int?
    /// Quarters whose forecast totals each sync prepares when the replica keeps none yet
    /// (`outpost sync`: the current one), so even the first forecast after a bootstrap
    /// reads one value; the totals of quarters already forecast are kept anyway.
    public var forecastQuarters: [ForecastPeriod] = []

    /// Creates a client for `replica`.
    public init(replica: Replica) {
        self.replica = replica
    }

    /// Syncs once (retrying dropped links), reporting progress after each frame.
    /// - Parameter endpoint: overrides the endpoint learnt at enrolment.
    /// - Throws: `.transport` when the link keeps failing (progress is kept),
    ///   `.refused` when the server refuses, `.revoked` after wiping a revoked device.
    public func sync(endpoint override: String? = nil, progress: (SyncProgress) -> Void = { _ in }) throws(ReplicaError) -> SyncReport {
        let identity = try replica.identity()
        let text = override ?? identity.syncEndpoint
        let endpoint: SyncEndpoint
        do { endpoint = try SyncEndpoint(parsing: text) } catch {
            throw ReplicaError(.invalid, "\(error)")
        }
        let keys = try Self.sessionKeys(identity)
        var report = SyncReport()
        report.endpoint = text
        var failures = 0
        // `timeout` bounds the whole sync, retries included: each attempt gets what is left.
        let deadline = ContinuousClock.now + timeout
        // Documents added here go up before the records, so no record names content the server lacks.
        try uploadStaged(endpoint: endpoint, keys: keys, deadline: deadline, report: &report)
        while true {
            report.exchanges += 1
            do {
                let left = deadline - ContinuousClock.now
                guard left > .zero else {
                    throw TransportError(.timedOut(seconds: Double(timeout.components.seconds)), counters: TransportCounters())
                }
                let more = try exchangeOnce(endpoint: endpoint, keys: keys, timeout: left, report: &report, progress: progress)
                if !more {
                    // The forecast totals of the quarters whose deals changed, computed once per sync.
                    try replica.refreshForecastTotals(keeping: forecastQuarters)
                    let budget = try documentBudget ?? replica.defaultDocumentBudget() ?? .max
                    try fetchContent(endpoint: endpoint, keys: keys, budget: budget, deadline: deadline, report: &report)
                    return report
                }
            } catch let error as TransportError {
                try Self.count(error, in: &report)
                failures += 1
                // A refused connection, an unknown host or an HTTP 4xx will not change by retrying, nor will a sync out of time.
                guard failures <= retries, !error.isPermanent, deadline > ContinuousClock.now else {
                    let attempts = failures == 1 ? "after 1 attempt" : "after \(failures) attempts"
                    throw ReplicaError(.transport, "\(error) (\(attempts); everything received so far is kept)")
                }
            } catch {
                throw Self.replicaError(error)
            }
        }
    }

    /// One request and its response; returns whether another exchange should follow
    /// (the server asked for more, or pending writes beyond this request's wait).
    private func exchangeOnce(endpoint: SyncEndpoint, keys: KeyExchange.SessionKeys, timeout: Duration, report: inout SyncReport,
                              progress: (SyncProgress) -> Void) throws -> Bool {
        let (identity, request) = try replica.nextRequest(maximumWrites: writesPerRequest)
        let salt = try AEAD.Nonce.salt()
        let sealed = try SealedRequest.seal(request.encoded(hub: ReplicaID.hub), device: identity.deviceNumber,
                                            counter: identity.requestCounter, salt: salt, key: keys.transmit)
        report.sent = max(report.sent, request.writes.count)
        let opener = ResponseFrames.Opener(counter: identity.requestCounter, salt: salt, key: keys.receive)
        var index: UInt32 = 0
        var more = false
        var wipe = false
        var behind: SyncResponseFrame.Behind?
        var bytesDown = 0
        // Frames are applied several per transaction; each keeps its cursor in the one it is committed in.
        let counters = try replica.applyingFrames { batch in try exchange(endpoint: endpoint, request: sealed, timeout: timeout) { payload in
            let plaintext = try opener.open(payload, index: index)
            index += 1
            bytesDown += payload.count
            let frame = try SyncResponseFrame(decoding: plaintext, answering: request.cursor, hub: ReplicaID.hub)
            if frame.wipe {
                wipe = true
                return .done
            }
            if let answer = frame.behind {
                behind = answer
                return .done
            }
            let effect = try batch.apply(frame)
            report.frames += 1
            report.received += effect.records
            report.evicted += effect.evicted
            report.accepted += effect.accepted
            report.rejected += effect.refused
            report.renumbered += effect.renumbered
            report.conflicts += effect.conflicted
            progress(SyncProgress(frames: report.frames, records: report.received, bytesDown: bytesDown))
            more = frame.more || effect.renumbered > 0
            return frame.isFinal ? .done : .more
        } }
        report.add(counters)
        if wipe {
            // A retired device sends nothing when told to wipe; a revoked one may lose changes that never reached the server.
            let discarded = try replica.pendingWrites().count
            try replica.wipe()
            throw ReplicaError(.revoked, discarded == 0
                ? "the server retired or revoked this device; its replica and keys were wiped, and every change made on it had reached "
                    + "the server. Ask an admin to enrol it again if it stays in use"
                : "the server revoked this device; its replica and keys were wiped, and \(discarded) change\(discarded == 1 ? "" : "s") "
                    + "made on it that never reached the server \(discarded == 1 ? "was" : "were") discarded. Ask an admin to enrol it again")
        }
        if let behind {
            // The server had accepted this counter already: the replica was restored from an
            // older copy, or the server from a backup. Continue after the server's counter, once.
            guard report.counterAdopted == nil else {
                throw ReplicaError(.refused, "the server keeps accepting newer requests from this device than this replica sends: "
                    + "is another copy of this replica syncing? Use one copy only, then sync again")
            }
            if let resent = try replica.adopt(behind, sent: identity.requestCounter) {
                report.serverRestored = true
                report.resent = resent
            }
            report.counterAdopted = behind.last
            return true
        }
        if let last = request.writes.last, request.writes.count == writesPerRequest {
            return try more || replica.hasPending(after: last.dot.counter)
        }
        return more
    }

    /// What the next sync would send, without sending it or using a request counter:
    /// the pending writes and the size of the request in plaintext and sealed
    /// (compressed and encrypted, as it would go on the socket before framing).
    public func pendingRequest() throws(ReplicaError) -> (writes: [Write], plaintextBytes: Int, sealedBytes: Int) {
        let identity = try replica.identity()
        let request = SyncRequest(cursor: identity.cursor, writes: try replica.pendingWrites())
        let plaintext = request.encoded(hub: ReplicaID.hub)
        // Sealed under the next counter only to count bytes: the result is discarded, never sent.
        let sealed: [UInt8]
        do {
            sealed = try SealedRequest.seal(plaintext, device: identity.deviceNumber, counter: identity.requestCounter + 1,
                                            salt: try AEAD.Nonce.salt(), key: try Self.sessionKeys(identity).transmit)
        } catch let error as ReplicaError { throw error } catch {
            throw ReplicaError(.corrupt, "cannot seal the pending request: \(error)")
        }
        return (request.writes, plaintext.count, sealed.count)
    }

    static func sessionKeys(_ identity: DeviceIdentity) throws(ReplicaError) -> KeyExchange.SessionKeys {
        do {
            return try KeyExchange.sessionKeys(
                client: KeyExchange.KeyPair(publicKey: .init(identity.publicKey), secretKey: .init(identity.secretKey)),
                serverPublicKey: .init(identity.serverPublicKey))
        } catch {
            throw ReplicaError(.corrupt, "the device keys in the replica are unusable (\(error)); enrol the device again")
        }
    }

    /// Counts the bytes of a failed exchange in `report`; throws what the replica failed
    /// on while applying a frame, which no retry mends.
    static func count(_ error: TransportError, in report: inout SyncReport) throws(ReplicaError) {
        report.add(error.counters)
        if case .frameHandlerFailed(let inner) = error.reason { throw replicaError(inner) }
    }

    static func replicaError(_ error: any Error) -> ReplicaError {
        switch error {
        case let error as ReplicaError: error
        case let error as ProtocolError: ReplicaError(.refused, "the server refused the sync: \(error.message)")
        default: ReplicaError.database(error, doing: "the sync")
        }
    }
}

extension SyncReport {
    /// Adds the bytes an exchange moved, whole or cut short.
    mutating func add(_ counters: TransportCounters) {
        bytesUp += counters.bytesUp
        bytesDown += counters.bytesDown
    }
}

extension TransportError {
    /// Whether trying again cannot help: nothing listens there, the host is unknown,
    /// or the hub answered with a client error (HTTP 4xx).
    var isPermanent: Bool {
        switch reason {
        case .connectionRefused, .unresolvedHost: true
        case .httpStatus(let status, _): (400..<500).contains(status)
        default: false
        }
    }
}
