import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// A fulfilment system's webhook endpoint for tests: a real HTTP server on a free
/// loopback port that records every request and answers the statuses of `script`
/// in turn (then 200). Tests wait for what they expect instead of sleeping.
final class WebhookReceiver: Sendable {
    /// One request as received, with the status it was answered.
    struct Received: Sendable {
        let eventID: String
        let event: String
        let signature: String
        let attempt: String
        let body: [UInt8]
        let answered: Int
    }

    let port: Int
    private let log: ReceiverLog
    private let app: Task<Void, any Error>

    var url: String { "http://127.0.0.1:\(port)/hook" }

    private init(port: Int, log: ReceiverLog, app: Task<Void, any Error>) {
        self.port = port
        self.log = log
        self.app = app
    }

    /// Starts a receiver answering `script` (e.g. `[500, 500]`) and then 200.
    static func start(script: [Int]) async throws -> WebhookReceiver {
        let log = ReceiverLog(script: script)
        let router = Router()
        router.post("hook") { request, _ -> Response in
            let body = try await request.body.collect(upTo: 1 << 20)
            let header = { (name: String) in HTTPField.Name(name).flatMap { request.headers[$0] } ?? "" }
            let status = await log.record(Received(eventID: header("Idempotency-Key"), event: header("Outpost-Event"),
                                                   signature: header("Outpost-Signature"), attempt: header("Outpost-Delivery-Attempt"),
                                                   body: Array(buffer: body), answered: 0))
            return Response(status: .init(code: status))
        }
        var logger = Logger(label: "webhook-receiver")
        logger.logLevel = .critical
        let (ports, sink) = AsyncStream.makeStream(of: Int.self)
        let application = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                                      onServerRunning: { sink.yield($0.localAddress?.port ?? 0) }, logger: logger)
        let app = Task { try await application.runService() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw ServerProcessError(message: "the webhook receiver did not start") }
        return WebhookReceiver(port: port, log: log, app: app)
    }

    /// Every request so far, in arrival order.
    func received() async -> [Received] { await log.all }

    /// Waits until `condition` holds for the requests received.
    func wait(until condition: @escaping @Sendable ([Received]) -> Bool) async -> [Received] {
        await log.wait(until: condition)
    }

    func stop() async {
        app.cancel()
        _ = await app.result
    }
}

/// The receiver's record, and the waiters woken as requests arrive.
private actor ReceiverLog {
    private var script: [Int]
    private(set) var all: [WebhookReceiver.Received] = []
    private var waiters: [(condition: @Sendable ([WebhookReceiver.Received]) -> Bool, continuation: CheckedContinuation<[WebhookReceiver.Received], Never>)] = []

    init(script: [Int]) { self.script = script }

    /// Records `request` with the status it is answered (the script's next), and returns that status.
    func record(_ request: WebhookReceiver.Received) -> Int {
        let status = script.isEmpty ? 200 : script.removeFirst()
        all.append(WebhookReceiver.Received(eventID: request.eventID, event: request.event, signature: request.signature,
                                            attempt: request.attempt, body: request.body, answered: status))
        let ready = waiters.filter { $0.condition(all) }
        waiters.removeAll { $0.condition(all) }
        for waiter in ready { waiter.continuation.resume(returning: all) }
        return status
    }

    func wait(until condition: @escaping @Sendable ([WebhookReceiver.Received]) -> Bool) async -> [WebhookReceiver.Received] {
        if condition(all) { return all }
        return await withCheckedContinuation { waiters.append((condition, $0)) }
    }
}
