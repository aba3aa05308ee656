import ArgumentParser
import Foundation
import SyncChannel

/// `sync-load compression`: the response stream's compression, LZMA2 as shipped against
/// zstd at several levels, with and without a dictionary trained on Outpost's frames,
/// in bytes and CPU, on the frames a real server sends.
struct CompressionStudy: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compression",
        abstract: "Compare LZMA2 and zstd on real response frames: bytes, compress and decompress CPU.",
        discussion: """
            Makes a demo company at each scale, serves it on loopback, and captures the plaintext of every
            response frame (opened, not decoded) of: the featured rep's bootstrap, at the large scale the DACH
            manager's (and with --world the World manager's), 60 one-write syncs of a rep's device (the answer
            to a logged call) and the 60 syncs of the rep's second device that receive each call. Each codec
            compresses each response as one stream, a frame per flushed chunk, as the sealed layer does.
            The dictionary is trained on another rep's bootstrap (cut into 2 KiB samples) and the first 20
            small responses of each kind; small responses are measured on the other 40.
            Example:
              swift build -c release -j 1 --product outpost-server --product sync-load
              "$(swift build -c release --show-bin-path)/sync-load" compression --scales medium,large
            """)

    @OptionGroup var server: ServerBinary
    @Option(help: "Demo scales, comma-separated: small, medium, large.")
    var scales = "medium,large"
    @Option(help: "zstd levels, comma-separated.")
    var levels = "3,9,19"
    @Option(name: .customLong("lzma-presets"), help: "LZMA2 presets, comma-separated, the first the reference (9e: preset 9 extreme, as shipped).")
    var presets = "9e,9,6"
    @Option(name: .customLong("dictionary-bytes"), help: "The trained dictionary's size.")
    var dictionaryBytes = 65_536
    @Flag(help: "At the large scale, also the World manager's bootstrap (453,115 records; slow).")
    var world = false

    func run() throws {
        let binary = server.url
        let chosenLevels = try levels.split(separator: ",").map { text -> Int32 in
            guard let level = Int32(text), (1...22).contains(level) else { throw ValidationError("--levels takes zstd levels 1…22 (got \(text))") }
            return level
        }
        let chosenPresets = try presets.split(separator: ",").map { text -> LZMAPreset in
            guard let level = UInt32(text.prefix { $0.isNumber }), level <= 9 else { throw ValidationError("--lzma-presets takes 0…9, e.g. 9e,9,6 (got \(text))") }
            return LZMAPreset(level: level, extreme: text.hasSuffix("e"))
        }
        print("set                                   codec                       bytes  /LZMA2  wire est.  compress ms/resp  MB/s  decompress ms/resp")
        for scale in scales.split(separator: ",").map(String.init) {
            let capture = try capture(scale: scale, binary: binary)
            let dictionary = try ZstdDictionary.train(on: capture.training, capacity: dictionaryBytes)
            log("trained a \(dictionary.count)-byte dictionary on \(capture.training.count) samples")
            var codecs = chosenPresets.map(FrameCodec.lzma2)
            for level in chosenLevels {
                codecs.append(try .zstd(level: level))
                codecs.append(try .zstd(level: level, dictionary: dictionary, dictionaryName: "dict \(dictionary.count / 1024) KiB"))
            }
            for set in capture.sets {
                var lzmaBytes = 0
                for codec in codecs {
                    let figures = try measure(codec, on: set.responses)
                    if lzmaBytes == 0 { lzmaBytes = figures.bytes }
                    let wire = set.wireBytes.map { "\($0 - lzmaBytes + figures.bytes)" } ?? "-"
                    print([
                        pad(set.name, 36, left: true), pad(codec.name, 24, left: true), pad("\(figures.bytes)", 10),
                        pad(String(format: "%.3f", Double(figures.bytes) / Double(lzmaBytes)), 6), pad(wire, 9),
                        pad(String(format: "%.3f", figures.compressSeconds * 1000), 16),
                        pad(figures.compressed ? String(format: "%.1f", Double(set.plainBytes) / Double(set.responses.count) / figures.compressSeconds / 1e6) : "-", 5),
                        pad(String(format: "%.3f", figures.decompressSeconds * 1000), 18),
                    ].joined(separator: "  "))
                }
            }
        }
    }

    /// The responses of one kind, with their plaintext size and, for a bootstrap, the bytes received on the wire.
    struct ResponseSet {
        let name: String
        let responses: [[[UInt8]]]
        var wireBytes: Int?
        var plainBytes: Int { responses.reduce(0) { $0 + $1.reduce(0) { $0 + $1.count } } }
    }

    /// Bytes of one set under a codec, and CPU seconds per response to compress and decompress it.
    struct Figures { let bytes: Int; let compressed: Bool; let compressSeconds: Double; let decompressSeconds: Double }

    private func measure(_ codec: FrameCodec, on responses: [[[UInt8]]]) throws -> Figures {
        let plain = responses.reduce(0) { $0 + $1.reduce(0) { $0 + $1.count } }
        let rounds = max(1, min(50, 2_000_000 / max(plain, 1)))
        var compressed: [[[UInt8]?]] = []
        let start = threadCPUSeconds()
        for _ in 0..<rounds { compressed = try responses.map(codec.compress) }
        let compressTime = threadCPUSeconds() - start
        let middle = threadCPUSeconds()
        for _ in 0..<rounds { for (chunks, response) in zip(compressed, responses) { try codec.decompress(chunks, expecting: response) } }
        let decompressTime = threadCPUSeconds() - middle
        let bytes = zip(compressed, responses).reduce(0) { total, pair in
            total + zip(pair.0, pair.1).reduce(0) { $0 + ($1.0?.count ?? $1.1.count) }
        }
        let count = Double(rounds * responses.count)
        let compressedAny = compressed.contains { $0.contains { $0 != nil } }
        return Figures(bytes: bytes, compressed: compressedAny, compressSeconds: compressTime / count, decompressSeconds: decompressTime / count)
    }

    /// What was captured at one scale: the measured sets and the dictionary's training samples.
    struct Capture { var sets: [ResponseSet] = []; var training: [[UInt8]] = [] }

    private func capture(scale: String, binary: URL) throws -> Capture {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sync-load-compression-\(getpid())-\(scale)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        log("making a \(scale) demo company")
        let hub = try ServerUnderLoad(binary: binary, folder: folder, scale: scale)
        let featured = "rep.\(scale)"
        guard let other = try hub.reps().first(where: { $0 != featured }) else { throw LoadError("the demo company has one rep only") }
        var bootstraps: [(String, String)] = [("bootstrap \(featured)", featured)]
        if scale == "large" {
            bootstraps.append(("bootstrap DACH manager", try hub.manager(of: "DACH")))
            if world { bootstraps.append(("bootstrap World manager", try hub.manager(of: "World"))) }
        }
        let codes = try [featured, featured, other].map { try hub.enrolmentCode(user: $0) }
        let managerCodes = try bootstraps.dropFirst().map { try hub.enrolmentCode(user: $0.1) }
        try hub.serve(logLevel: "warning", extra: [])
        defer { hub.stop() }
        let server = "http://127.0.0.1:\(hub.httpPort)"

        var result = Capture()
        var writer = try LoadDevice.enrol(server: server, code: codes[0], label: "writer")
        var frames: [[UInt8]] = []
        log("capturing the bootstrap of \(featured)")
        let exchange = try writer.bootstrap { frames.append($0) }
        result.sets.append(ResponseSet(name: bootstraps[0].0, responses: [frames], wireBytes: exchange.bytesDown))
        for ((name, user), code) in zip(bootstraps.dropFirst(), managerCodes) {
            log("capturing the bootstrap of \(user)")
            var manager = try LoadDevice.enrol(server: server, code: code, label: "manager")
            frames = []
            let exchange = try manager.syncEverything { frames.append($0) }
            result.sets.append(ResponseSet(name: name, responses: [frames], wireBytes: exchange.bytesDown))
        }
        var trainer = try LoadDevice.enrol(server: server, code: codes[2], label: "trainer")
        _ = try trainer.bootstrap { frame in
            stride(from: 0, to: frame.count, by: 2048).forEach { result.training.append(Array(frame[$0..<min($0 + 2048, frame.count)])) }
        }
        var reader = try LoadDevice.enrol(server: server, code: codes[1], label: "reader")
        _ = try reader.bootstrap()
        log("capturing 60 one-write syncs and the deliveries of each write")
        var answers: [[[UInt8]]] = []
        var deliveries: [[[UInt8]]] = []
        for _ in 0..<60 {
            frames = []
            _ = try writer.syncOneCall { frames.append($0) }
            answers.append(frames)
            frames = []
            _ = try reader.syncNothing { frames.append($0) }
            deliveries.append(frames)
        }
        result.training += (answers.prefix(20) + deliveries.prefix(20)).map { $0.flatMap { $0 } }
        result.sets.append(ResponseSet(name: "one-write answer (\(scale))", responses: Array(answers.dropFirst(20))))
        result.sets.append(ResponseSet(name: "one-record delivery (\(scale))", responses: Array(deliveries.dropFirst(20))))
        return result
    }

    private func pad(_ text: String, _ width: Int, left: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - text.count))
        return left ? text + fill : fill + text
    }

    private func log(_ message: String) {
        FileHandle.standardError.write(Data(("sync-load compression: " + message + "\n").utf8))
    }
}
