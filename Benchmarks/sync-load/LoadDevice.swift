import ClientTransport
import Foundation
import MergeEngine
import OutpostModel
import OutpostProtocol
import OutpostReplication
import SodiumKit
import SyncChannel

/// One enrolled device held in memory: its keys, counters and cursor, and nothing of
/// a replica (no SQLite, no encryption at rest), so that a sync costs the load
/// generator little next to the server. It speaks the same sealed protocol as
/// `outpost sync` through the same libraries (`SyncChannel`, `OutpostProtocol`,
/// `ClientTransport`).
struct LoadDevice: Sendable {
    let number: UInt32
    let userName: String
    let keys: KeyExchange.SessionKeys
    let endpoint: SyncEndpoint
    private(set) var requestCounter: UInt64 = 0
    private(set) var writeCounter: UInt64 = 0
    /// How far the device has received.
    private(set) var cursor: SyncCursor = .start
    /// What a logged call needs: the device's user and an account in its scope (learnt at the first sync).
    private(set) var user: UserID?
    private(set) var account: AccountID?

    /// What one sync moved and what the hub decided.
    struct Exchange {
        var frames = 0
        var records = 0
        var bytesUp = 0
        var bytesDown = 0
        var accepted = 0
        var refused = 0
    }

    /// Enrols a device with the one-time `code` over HTTP at `server` (`http://HOST:PORT`).
    static func enrol(server: String, code: String, label: String) throws -> LoadDevice {
        let keyPair = try KeyExchange.KeyPair.generate()
        let request = try EnrolmentSeal.sealRequest(EnrolmentRequest(publicKey: keyPair.publicKey.bytes, label: label), code: code)
        var answer: EnrolmentResponse?
        _ = try exchange(endpoint: try SyncEndpoint(parsing: server + "/sync"), request: request, timeout: .seconds(30)) { frame in
            answer = try EnrolmentSeal.openResponse(frame, code: code)
            return .done
        }
        guard let answer else { throw LoadError("the server closed the enrolment without answering") }
        guard answer.syncPort > 0 else { throw LoadError("the server announced no native sync port") }
        let host = try SyncEndpoint(parsing: server + "/sync").host
        return LoadDevice(
            number: answer.deviceNumber, userName: answer.userName,
            keys: try KeyExchange.sessionKeys(client: keyPair, serverPublicKey: .init(answer.serverPublicKey)),
            endpoint: .tcp(host: host, port: Int(answer.syncPort)))
    }

    /// The first sync: receives the device's whole scope, keeps the cursor, and finds
    /// the device's user record and one account to log calls at.
    /// `capture` gets each response frame's plaintext.
    mutating func bootstrap(capture: ([UInt8]) -> Void = { _ in }) throws -> Exchange {
        var user: UserID?
        var account: AccountID?
        let name = userName
        let result = try sync(from: .start, writes: [], capture: capture) { state in
            guard let kind = ReplicatedKind(typeID: state.type), kind == .user || (kind == .account && account == nil) else { return }
            let record = try? kind.decode(recordID: state.id, fields: state.view(policy: .updateWins).values)
            if let found = record as? User, found.name == name { user = found.id }
            if let found = record as? Account { account = found.id }
        }
        guard let user, let account else { throw LoadError("device \(number) of \(userName) received no user record or no account") }
        self.user = user
        self.account = account
        return result
    }

    /// A sync with nothing to send: the device asks what changed since its cursor.
    /// `capture` gets each response frame's plaintext (opened and decompressed, not decoded).
    mutating func syncNothing(capture: ([UInt8]) -> Void = { _ in }) throws -> Exchange {
        try sync(from: cursor, writes: [], capture: capture)
    }

    /// Logs a call at the device's account (as `outpost log call` does), then syncs it.
    mutating func syncOneCall(capture: ([UInt8]) -> Void = { _ in }) throws -> Exchange {
        guard let user, let account else { throw LoadError("device \(number) has not bootstrapped") }
        let activity = Activity(kind: .call, subject: "Call \(writeCounter + 1)", day: CalendarDay(daysSinceEpoch: 20_000),
                                accountID: account, ownerID: user, done: true, notes: "Budget confirmed")
        writeCounter += 1
        let write = Write(dot: Dot(replica: ReplicaID(number), counter: writeCounter), record: activity.recordID, context: VersionVector(),
                          operation: .create(type: ReplicatedKind.activity.typeID, fields: activity.fields),
                          time: WallClock(milliseconds: Int64(Date().timeIntervalSince1970 * 1000)).wholeSecond)
        return try sync(from: cursor, writes: [write], capture: capture)
    }

    /// A bootstrap of the device's whole scope, as a new device would ask; the steady cursor is kept.
    mutating func syncEverything(capture: ([UInt8]) -> Void = { _ in }) throws -> Exchange {
        let steady = cursor
        defer { cursor = steady }
        return try sync(from: .start, writes: [], capture: capture)
    }

    /// One request and its response frames; the cursor moves to the last frame's.
    private mutating func sync(from start: SyncCursor, writes: [Write], capture: ([UInt8]) -> Void = { _ in },
                               inspect: (RecordState) throws -> Void = { _ in }) throws -> Exchange {
        requestCounter += 1
        let request = SyncRequest(cursor: start, writes: writes)
        let salt = try AEAD.Nonce.salt()
        let sealed = try SealedRequest.seal(request.encoded(hub: ReplicaID.hub), device: number, counter: requestCounter, salt: salt, key: keys.transmit)
        let opener = ResponseFrames.Opener(counter: requestCounter, salt: salt, key: keys.receive)
        var result = Exchange()
        var index: UInt32 = 0
        var last = start
        let counters = try exchange(endpoint: endpoint, request: sealed, timeout: .seconds(120)) { payload in
            let plaintext = try opener.open(payload, index: index)
            capture(plaintext)
            let frame = try SyncResponseFrame(decoding: plaintext, answering: start, hub: ReplicaID.hub)
            index += 1
            guard !frame.wipe else { throw LoadError("device \(number) was told to wipe") }
            for record in frame.records { try inspect(record.state) }
            result.frames += 1
            result.records += frame.records.count
            result.accepted += frame.outcome?.acks.count ?? 0
            result.refused += frame.outcome?.refusals.count ?? 0
            last = frame.cursor
            return frame.isFinal ? .done : .more
        }
        cursor = last
        result.bytesUp = counters.bytesUp
        result.bytesDown = counters.bytesDown
        return result
    }
}

/// A failure of the load run, with what went wrong.
struct LoadError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
