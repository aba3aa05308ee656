import ArgumentParser
import Hummingbird
import Logging

/// `outpost-server serve`: runs the HTTP API until SIGINT or SIGTERM.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the server: HTTP API on --port; stops gracefully on Ctrl-C or SIGTERM.",
        discussion: """
            Example:
              outpost-server serve --db hq.sqlite --host 127.0.0.1 --port 8080
            Logs go to standard error; set LOG_LEVEL=debug for more.
            """
    )

    @OptionGroup var store: StoreOptions

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The HTTP port (API and HTTP sync); 0 picks a free one.")
    var port = 8080

    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical.")
    var logLevel: Logger.Level = .info

    func run() async throws {
        let store = try store.open()
        var logger = Logger(label: "outpost-server")
        logger.logLevel = logLevel
        let app = buildApplication(
            store: store,
            configuration: ServerConfiguration(host: host, port: port),
            logger: logger,
            onListening: { [logger, host] port in
                logger.notice("listening", metadata: ["host": "\(host)", "port": "\(port)", "version": "\(outpostVersion)"])
            }
        )
        try await app.runService()
        logger.notice("stopped")
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
