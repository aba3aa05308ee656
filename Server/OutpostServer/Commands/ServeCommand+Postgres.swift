import Logging
import OutpostPostgres
import OutpostStore

extension ServeCommand {
    /// Serves syncs and document content, and with a feed token the order feed, from a PostgreSQL database, as
    /// one of any number of stateless instances on it. The rest of the data API, the
    /// console, web-to-lead, webhooks and escalations run on SQLite only so far: asking
    /// for them is refused, not ignored.
    func serve(postgres location: PostgresLocation) async throws {
        if integration.leadTokenFile != nil {
            throw CommandError("POST /leads is not served from PostgreSQL yet; leave out --lead-token-file")
        }
        let keyFile = try store.requiredKeyFile()
        let (logger, metrics) = (makeLogger(), ServerMetrics())
        try await PostgresStore.withStore(at: location, mode: .existing, keyFile: keyFile, logger: logger) { database in
            logger.notice("serving syncs, documents and the order feed from PostgreSQL; the console, the rest of the data API, web-to-lead and webhooks run on SQLite only so far",
                          metadata: ["database": "\(location)"])
            try await serve(sync: database.ledger, app: nil, apiTokens: nil, feedToken: try feedToken(), integration: nil, console: nil,
                            orderFeed: OrderFeedService(store: database), logger: logger, metrics: metrics,
                            documents: .postgres(database, maxDocumentBytes: maxDocumentSize, deviceQuota: deviceDocumentQuota))
        }
    }
}
