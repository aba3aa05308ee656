import ArgumentParser
import Foundation
import OutpostSQLite
import SodiumKit
import TerminalOutput

/// `outpost-server webhook add|list|remove|test|deliveries`: order webhooks for
/// fulfilment systems, delivered by `serve` from the outbox.
struct WebhookCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "webhook",
        abstract: "Post order events to fulfilment systems, signed, retried, at least once.",
        discussion: """
            A running `serve` delivers each order event to every webhook subscribed to it, in order per order, \
            retrying with exponential backoff for at least 24 hours (across restarts). README.md shows how a \
            receiver checks the Outpost-Signature header.

            Example:
              outpost-server webhook add --db hq.sqlite --url \\
                https://erp.example.com/outpost --events order.submitted,order.accepted
            """,
        subcommands: [Add.self, List.self, Remove.self, Test.self, Deliveries.self]
    )

    /// The events a webhook may subscribe to.
    static let events = ["order.submitted", "order.accepted", "order.rejected", "order.fulfilled"]

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Subscribe a URL to order events; prints the signing secret when it makes one.",
            discussion: """
                Without --secret-file the server makes a random secret and prints it once.
                Example:
                  outpost-server webhook add --db hq.sqlite --url http://127.0.0.1:9000/hook \\
                    --events order.submitted,order.accepted,order.rejected,order.fulfilled --secret-file hook.secret
                """
        )
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions
        @Option(help: "The http:// or https:// URL to POST events to.") var url: String
        @Option(help: "Comma-separated events: order.submitted, order.accepted, order.rejected, order.fulfilled.")
        var events = WebhookCommand.events.joined(separator: ",")
        @Option(name: .customLong("secret-file"), help: "A file holding the signing secret (at least 16 characters).")
        var secretFile: String?

        struct Added: Encodable {
            let id: Int64
            let url: String
            let events: [String]
            let secret: String?
        }

        func validate() throws {
            guard let parsed = URL(string: url), ["http", "https"].contains(parsed.scheme?.lowercased() ?? ""), parsed.host != nil else {
                throw ValidationError("--url must be an http:// or https:// URL with a host, e.g. https://erp.example.com/outpost")
            }
            let unknown = chosenEvents.filter { !WebhookCommand.events.contains($0) }
            guard unknown.isEmpty, !chosenEvents.isEmpty else {
                throw ValidationError("--events takes \(WebhookCommand.events.joined(separator: ", ")) (got \(events))")
            }
        }

        var chosenEvents: [String] {
            events.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }

        func run() async throws {
            let secret: String
            if let secretFile {
                let text: String
                do { text = try String(contentsOfFile: secretFile, encoding: .utf8) } catch {
                    throw CommandError("cannot read the secret file \(secretFile): \(error.localizedDescription)")
                }
                secret = text.trimmingCharacters(in: .whitespacesAndNewlines)
                guard secret.count >= 16 else { throw CommandError("the secret in \(secretFile) must be at least 16 characters") }
            } else {
                secret = "whsec_" + GenericHash.hex(try SecureRandom.bytes(32))
            }
            let webhook = try await store.open().addWebhook(url: url, events: chosenEvents, secret: secret, now: Date())
            let shown = secretFile == nil ? secret : nil
            if output.json {
                try Output.json(Added(id: webhook.id, url: webhook.url, events: webhook.events, secret: shown))
            } else {
                print("Webhook \(webhook.id): \(webhook.url) (\(webhook.events.joined(separator: ", ")))")
                if let shown { print("Signing secret (shown once, keep it with the receiver): \(shown)") }
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the webhooks in force.",
            discussion: "Example:\n  outpost-server webhook list --db hq.sqlite --json"
        )
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func run() async throws {
            let hooks = try await store.open().webhooks()
            try output.print(hooks, headers: ["id", "url", "events", "since"], maxCellWidth: 60,
                             empty: "No webhooks. Add one with: outpost-server webhook add --url URL") {
                ["\($0.id)", $0.url, $0.events.joined(separator: ","), $0.createdAt.formatted(.iso8601)]
            }
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove a webhook; its undelivered events are marked failed.",
            discussion: "Example:\n  outpost-server webhook remove --db hq.sqlite 1"
        )
        @OptionGroup var store: StoreOptions
        @Argument(help: "The webhook id (see webhook list).") var id: Int64

        func run() async throws {
            try await store.open().removeWebhook(id, now: Date())
            print("Removed webhook \(id)")
        }
    }

    struct Test: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Send a signed webhook.test event to a webhook now and print the receiver's answer.",
            discussion: "Exits non-zero unless the receiver answers 2xx. Example:\n  outpost-server webhook test --db hq.sqlite 1"
        )
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The webhook id (see webhook list).") var id: Int64

        struct Sent: Encodable {
            let webhook: Int64
            let status: Int?
            let error: String?
            let delivered: Bool
        }

        func run() async throws {
            let database = try store.open()
            guard let hook = try await database.webhookSecrets().first(where: { $0.webhook.id == id }) else {
                throw CommandError("no webhook has id \(id); list them with outpost-server webhook list")
            }
            let now = Date()
            let testID = UUID().uuidString.lowercased()
            let answer = await WebhookSender().send(
                url: hook.webhook.url, body: try WebhookPayload.testBody(id: testID, at: now), secret: hook.secret,
                eventID: WebhookPayload.testID(testID), event: "webhook.test", attempt: 1, now: now)
            if output.json {
                try Output.json(Sent(webhook: id, status: answer.status, error: answer.error, delivered: answer.delivered))
            } else {
                print(answer.delivered ? "Delivered: \(hook.webhook.url) answered \(answer.status ?? 0)"
                                       : "Not delivered to \(hook.webhook.url): \(answer.error ?? "no answer")")
            }
            if !answer.delivered { throw ExitCode(1) }
        }
    }

    struct Deliveries: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show webhook deliveries, newest first: attempts, state, last answer or error.",
            discussion: "Example:\n  outpost-server webhook deliveries --db hq.sqlite --failed"
        )
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions
        @Flag(help: "Only deliveries that failed or whose last attempt failed.") var failed = false
        @Option(help: "At most this many.") var limit = 100

        func validate() throws {
            guard (1...10_000).contains(limit) else { throw ValidationError("--limit must be from 1 to 10000") }
        }

        func run() async throws {
            let deliveries = try await store.open().webhookDeliveries(failedOnly: failed, limit: limit)
            let when: (Date?) -> String = { $0?.formatted(.iso8601) ?? "-" }
            try output.print(deliveries, headers: ["id", "webhook", "event", "order event", "state", "attempts", "last attempt", "next", "last error"],
                             maxCellWidth: 48, empty: failed ? "No failed deliveries." : "No deliveries yet.") {
                ["\($0.id)", "\($0.webhookID)", $0.event, "\($0.eventCursor)", $0.state.rawValue, "\($0.attempts)",
                 when($0.lastAttemptAt), $0.state == .pending ? when($0.nextAttemptAt) : "-", $0.lastError ?? ""]
            }
        }
    }
}
