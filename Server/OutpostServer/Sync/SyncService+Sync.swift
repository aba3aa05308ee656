import Foundation
import HubCore
import Logging
import MergeEngine
import OutpostModel
import OutpostProtocol
import OutpostReplication
import SodiumKit
import SyncChannel

extension SyncService {
    /// Handles a sync request: takes the device as the hub last read it (no read of its
    /// own for a device that synced before; read afresh if the request is compressed),
    /// authenticates the request, lets the hub turn away a counter that is not new
    /// (answered with the counter to continue from) and charge the request rate (a
    /// revoked device's too), answers a device known to be revoked with the wipe frame
    /// without inflating or decoding its body; only then inflates and decodes the
    /// request, has the hub read the device again, check its number of writes, apply them
    /// and read a steady sync's first page (one transaction), and streams the hub's
    /// delivery as sealed frames.
    func sync(_ sealed: SealedRequest, send: @escaping @Sendable ([UInt8]) async throws -> Void) async throws {
        do {
            var device = try await hub.lastSeenDevice(number: sealed.device)
            let (session, body) = try authenticate(sealed, as: device)
            if body.isCompressed {
                // Inflating costs: the device is read afresh first, so a revoked one is told to wipe without it.
                let current = try await hub.device(number: sealed.device)
                guard current.device.publicKey == device.device.publicKey else { throw RequestRefusal.unknownDevice(sealed.device) }
                device = current
            }
            let sealer = ResponseFrames.Sealer(counter: sealed.counter, salt: sealed.salt, key: session.transmit)
            do {
                try hub.authorise(device, counter: sealed.counter)
                if device.device.isRevoked {
                    try await answerRevoked(device, sealer: sealer, send: send)
                    return
                }
                if body.isCompressed { metrics?.requestInflated() }
                let decoded: SyncRequest
                do {
                    decoded = try SyncRequest(decoding: try body.plaintext(), device: device.replica, hub: ReplicaID.hub)
                } catch {
                    // The copy it was opened with may predate a revocation: a revoked device is told to wipe, whatever it sent.
                    guard try await hub.device(number: sealed.device).device.isRevoked else { throw error }
                    try await answerRevoked(device, sealer: sealer, send: send)
                    return
                }
                var identities: [UInt64: WriteIdentity] = [:]
                for write in decoded.writes { identities[write.dot.counter] = try WriteIdentity(of: write) }
                let request = DeviceRequest(device: device, counter: sealed.counter, cursor: DeviceCursor(decoded.cursor),
                                            writes: decoded.writes, identities: identities)
                var frames = FrameSender(sealer: sealer, request: decoded.cursor, send: send)
                guard case .applied(let report, let delivery) = try await hub.pushThenDeliver(request, now: Date()) else {
                    logger.notice("revoked device told to wipe", metadata: ["device": "\(sealed.device)"])
                    try await frames.send(SyncResponseFrame(cursor: decoded.cursor, wipe: true))
                    return
                }
                metrics?.count(report)
                // Only this request's acceptances: a resent push must not release a hold twice.
                await releaseUploadHolds(of: decoded.writes, accepted: report.acceptedNow, device: sealed.device)
                let recordsSent = try await frames.send(delivery)
                metrics?.recordsSent(recordsSent)
                logger.info("synced", metadata: [
                    "device": "\(sealed.device)", "accepted": "\(report.accepted)", "refused": "\(report.refused)",
                    "renumbered from": "\(report.outcome.renumberFrom.map { "\($0)" } ?? "-")",
                    "frames": "\(frames.index)", "records": "\(recordsSent)",
                ])
            } catch RequestRefusal.replayed(let last) {
                try await answerBehind(sealed, last: last, sealer: sealer, send: send)
            }
        } catch let refusal as RequestRefusal {
            throw ProtocolError(refusal, request: sealed)
        }
    }
}

extension SyncService {
    /// Answers an authentic request whose counter is not new (a replay, a device restored
    /// from an older copy of its replica, or any device after a server restore): nothing
    /// is applied, and one frame sealed alone under a random nonce, readable by the device
    /// alone, names the counter to continue from and the server epoch's start.
    private func answerBehind(_ sealed: SealedRequest, last: UInt64, sealer: ResponseFrames.Sealer,
                              send: @escaping @Sendable ([UInt8]) async throws -> Void) async throws {
        logger.notice("request counter behind", metadata: ["device": "\(sealed.device)", "counter": "\(sealed.counter)", "last": "\(last)"])
        // The frame changes no cursor, so it reads the same against any request cursor.
        let unchanged = SyncCursor(watermark: 0, scopeVersion: 0)
        let behind = SyncResponseFrame.Behind(last: last, epochStart: try await store.epochStartSequence())
        try await send(try sealer.sealAlone(SyncResponseFrame(cursor: unchanged, behind: behind).encoded(answering: unchanged, hub: ReplicaID.hub)))
    }

    /// Tells a revoked device to wipe without inflating or decoding its request: the
    /// hub records the counter (and that the device tried), nothing else is read.
    private func answerRevoked(_ device: EnrolledDevice, sealer: ResponseFrames.Sealer,
                               send: @escaping @Sendable ([UInt8]) async throws -> Void) async throws {
        // The wipe frame changes no cursor, so it reads the same against any request cursor.
        let unchanged = SyncCursor(watermark: 0, scopeVersion: 0)
        let request = DeviceRequest(device: device, counter: sealer.counter, cursor: DeviceCursor(unchanged), writes: [])
        _ = try await hub.push(request, now: Date())
        logger.notice("revoked device told to wipe", metadata: ["device": "\(device.number)"])
        var frames = FrameSender(sealer: sealer, request: unchanged, send: send)
        try await frames.send(SyncResponseFrame(cursor: unchanged, wipe: true))
    }
}

extension ProtocolError {
    /// The error frame for a request the hub turned away.
    init(_ refusal: RequestRefusal, request sealed: SealedRequest) {
        switch refusal {
        case .unknownDevice(let number):
            self.init(.unknownDevice, "device \(number) is not enrolled at this server; enrol it with outpost enrol")
        case .replayed(let last):
            self.init(.replayed, "request \(sealed.counter) of device \(sealed.device) repeats an old counter (last accepted \(last)); refused as a replay")
        case .rateLimited(let wait, let burst):
            let seconds = wait.components.seconds + (wait.components.attoseconds > 0 ? 1 : 0)
            self.init(.rateLimited, "device \(sealed.device) sent more than \(burst) sync requests in a row; "
                + "nothing was applied, sync again in \(seconds) s")
        case .tooManyWrites(let count, let limit):
            self.init(.oversized, "the sync request carries \(count) writes; this server takes at most "
                + "\(limit) per request (the oldest pending first); nothing was applied")
        }
    }
}

extension DeviceCursor {
    /// The hub's form of a request's cursor.
    init(_ cursor: SyncCursor) {
        self.init(watermark: cursor.watermark, scopeVersion: cursor.scopeVersion,
                  backfill: cursor.backfill.map { ($0.target, $0.position) })
    }
}

extension SyncCursor {
    /// The wire form of a hub cursor.
    init(_ cursor: DeviceCursor) {
        self.init(watermark: cursor.watermark, scopeVersion: cursor.scopeVersion,
                  backfill: cursor.backfill.map { Backfill(target: $0.target, position: $0.position) })
    }
}

extension SyncResponseFrame {
    /// The frame carrying one step of the hub's delivery.
    init(_ step: DeliveryStep) {
        self.init(cursor: SyncCursor(step.cursor), evictions: step.evictions,
                  records: step.records.map { FrameRecord($0.state, route: FrameRoute($0)) },
                  outcome: step.outcome.map(Outcome.init))
    }
}

extension FrameRoute {
    /// How the device files a delivered record: under the record it routes through, else
    /// its territory, else as global.
    init(_ routed: RoutedState) {
        if let parent = routed.parent {
            self = .parent(parent)
        } else if let territory = routed.territory {
            self = .territory(RecordID(territory))
        } else {
            self = .global
        }
    }
}

extension SyncResponseFrame.Outcome {
    /// The wire form of the hub's outcomes.
    init(_ outcome: PushOutcome) {
        self.init(appliedThrough: outcome.appliedThrough, renumberFrom: outcome.renumberFrom)
        for written in outcome.outcomes {
            switch written.result {
            case .accepted(let stamp): acks.append(.init(counter: written.counter, stamp: stamp))
            case .refused(let code, let message):
                refusals.append(Refusal(counter: written.counter, code: code, message: message))
            }
        }
    }
}
