import ArgumentParser
import Foundation

/// `sync-load`: many in-process devices syncing against a real `outpost-server serve`.
@main
struct SyncLoad: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync-load",
        abstract: "Measure the sync server under load: syncs per second, latency and server CPU per sync.",
        discussion: """
            Makes a demo company in a scratch folder, starts outpost-server serve on loopback, enrols the devices
            (spread over the demo's reps) and bootstraps each one, then for each mix and each device count lets
            that many devices sync back to back, each on its own thread, and prints one row per point.
            Server CPU is read from /proc/PID/stat before and after each point.
            Example:
              swift build -c release -j 1 --product outpost-server --product sync-load
              "$(swift build -c release --show-bin-path)/sync-load" --devices 1,4,16,64 --mixes noop,write,bootstrap --seconds 5
            `sync-load compression` compares the response stream's compression instead (see its --help).
            """,
        subcommands: [CompressionStudy.self])

    @OptionGroup var server: ServerBinary
    @Option(help: "The demo company's scale: small, medium or large.")
    var scale = "small"
    @Option(help: "Device counts to measure, comma-separated.")
    var devices = "1,4,16,64"
    @Option(help: "Mixes to measure, comma-separated: noop, write, bootstrap.")
    var mixes = "noop,write,bootstrap"
    @Option(help: "Seconds per measured point.")
    var seconds = 5
    @Option(name: .customLong("log-level"), help: "The server's --log-level.")
    var logLevel = "warning"
    @Option(name: .customLong("work"), help: "The scratch folder (default: a new one in the temporary folder, removed after).")
    var work: String?
    @Option(name: .customLong("server-arg"), parsing: .singleValue, help: "An extra argument for outpost-server serve (repeatable).")
    var serverArguments: [String] = []

    func run() throws {
        let counts = try devices.split(separator: ",").map { text -> Int in
            guard let count = Int(text), count > 0 else { throw ValidationError("--devices takes positive counts such as 1,4,16,64 (got \(text))") }
            return count
        }
        let chosen = try mixes.split(separator: ",").map { text -> Mix in
            guard let mix = Mix(rawValue: String(text)) else { throw ValidationError("--mixes takes noop, write and bootstrap (got \(text))") }
            return mix
        }
        let binary = server.url
        let folder = work.map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("sync-load-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { if work == nil { try? FileManager.default.removeItem(at: folder) } }

        log("making a \(scale) demo company in \(folder.path)")
        let hub = try ServerUnderLoad(binary: binary, folder: folder, scale: scale)
        let reps = try hub.reps()
        guard !reps.isEmpty else { throw LoadError("the demo company has no reps") }
        let total = counts.max() ?? 1
        let codes = try (0..<total).map { try (reps[$0 % reps.count], hub.enrolmentCode(user: reps[$0 % reps.count])) }
        try hub.serve(logLevel: logLevel, extra: serverArguments)
        defer { hub.stop() }
        log("enrolling and bootstrapping \(total) devices of \(min(total, reps.count)) reps")
        var fleet = try codes.enumerated().map { index, entry in
            var device = try LoadDevice.enrol(server: "http://127.0.0.1:\(hub.httpPort)", code: entry.1, label: "load \(index + 1)")
            _ = try device.bootstrap()
            return device
        }

        print("mix        devices  syncs  syncs/s  p50 ms  p99 ms  server CPU ms/sync  syncs per server CPU s  client CPU ms/sync  bytes up/down per sync  records/sync  load average")
        for mix in chosen {
            for count in counts {
                var group = Array(fleet.prefix(count))
                let point = try LoadPoint.measure(mix, devices: &group, duration: .seconds(seconds), server: hub)
                fleet.replaceSubrange(0..<count, with: group)
                print(row(point))
                if point.refused > 0 { log("the server refused \(point.refused) writes") }
            }
        }
    }

    private func row(_ p: LoadPoint) -> String {
        let syncs = Double(max(p.syncs, 1))
        return [
            pad(p.mix.rawValue, 10, left: true), pad("\(p.concurrency)", 7), pad("\(p.syncs)", 6),
            pad(format(Double(p.syncs) / p.seconds, 0), 7), pad(format(p.latency(0.5), 2), 6), pad(format(p.latency(0.99), 2), 6),
            pad(format(p.serverCPU * 1000 / syncs, 3), 18), pad(format(p.serverCPU > 0 ? Double(p.syncs) / p.serverCPU : 0, 0), 22),
            pad(format(p.clientCPU * 1000 / syncs, 3), 18),
            pad("\(p.bytesUp / max(p.syncs, 1))/\(p.bytesDown / max(p.syncs, 1))", 22), pad(format(Double(p.records) / syncs, 1), 12),
            "  " + p.loadAverage,
        ].joined(separator: "  ")
    }

    private func format(_ value: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", value) }

    private func pad(_ text: String, _ width: Int, left: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - text.count))
        return left ? text + fill : fill + text
    }

    private func log(_ message: String) {
        FileHandle.standardError.write(Data(("sync-load: " + message + "\n").utf8))
    }
}
