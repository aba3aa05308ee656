import ArgumentParser
import Hummingbird
import Logging
import SyncListener

/// `outpost-server serve`: runs the HTTP API and both sync transports until SIGINT or SIGTERM.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the server: HTTP API and HTTP sync on --port, native TCP sync on --sync-port.",
        discussion: """
            Stops gracefully on Ctrl-C or SIGTERM. Example:
              outpost-server serve --db hq.sqlite --host 127.0.0.1 --port 8080 --sync-port 8081
            Logs go to standard error; set --log-level debug for more.
            """
    )

    @OptionGroup var store: StoreOptions

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The HTTP port (API and HTTP sync); 0 picks a free one.")
    var port = 8080

    @Option(name: .customLong("sync-port"), help: "The native TCP sync port, devices' default; 0 picks a free one.")
    var syncPort = 8081

    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical.")
    var logLevel: Logger.Level = .info

    func run() async throws {
        let store = try store.open()
        var logger = Logger(label: "outpost-server")
        logger.logLevel = logLevel
        let (sync, listener) = try await SyncService.listen(store: store, host: host, port: syncPort, logger: logger)
        let app = buildApplication(
            store: store,
            configuration: ServerConfiguration(host: host, port: port),
            sync: sync,
            logger: logger,
            onListening: { [logger, host, listener] port in
                logger.notice("listening", metadata: [
                    "host": "\(host)", "port": "\(port)", "sync_port": "\(listener.port)", "version": "\(outpostVersion)",
                ])
            }
        )
        try await app.runService()
        await listener.shutdown()
        logger.notice("stopped")
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
