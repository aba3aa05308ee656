import Foundation
import TestSupport

/// Headless Chromium driven by `Tests/Browser/cdp_driver.py` (the Chrome DevTools
/// protocol over a standard-library websocket): one browser per run, so the session
/// cookie a sign-in link sets carries from step to step. Every saved page leaves its
/// DOM and a screenshot in ``artefacts``.
struct ConsoleBrowser {
    /// A step of a run; see the driver's usage.
    enum Step: Encodable {
        case open(String, save: String)
        case fill(String, value: String)
        case submit(String, save: String)

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            switch self {
            case .open(let url, let save):
                try container.encode(url, forKey: .open)
                try container.encode(save, forKey: .save)
            case .fill(let selector, let value):
                try container.encode(selector, forKey: .fill)
                try container.encode(value, forKey: .value)
            case .submit(let selector, let save):
                try container.encode(selector, forKey: .submit)
                try container.encode(save, forKey: .save)
            }
        }

        private enum Key: String, CodingKey { case open, fill, value, submit, save }
    }

    /// Where screenshots and DOMs are kept after the test: `.build/test-artefacts/console`.
    static var artefacts: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(".build/test-artefacts/console")
    }

    static var driver: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Browser/cdp_driver.py")
    }

    /// Whether Debian's `chromium` (or `$CHROMIUM`) is installed.
    static var isAvailable: Bool {
        let path = ProcessInfo.processInfo.environment["CHROMIUM"] ?? "/usr/bin/chromium"
        return FileManager.default.isExecutableFile(atPath: path)
    }

    /// Runs `steps` in one browser and returns the DOM of each saved page by name.
    static func run(_ steps: [Step]) async throws -> [String: String] {
        try FileManager.default.createDirectory(at: artefacts, withIntermediateDirectories: true)
        let stepsFile = FileManager.default.temporaryDirectory.appendingPathComponent("console-steps-\(UUID().uuidString).json")
        try JSONEncoder().encode(steps).write(to: stepsFile)
        defer { try? FileManager.default.removeItem(at: stepsFile) }
        let run = try await CommandRun.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", driver.path, stepsFile.path, artefacts.path],
                                           ProcessInfo.processInfo.environment)
        guard run.status == 0 else { throw ServerProcessError(message: "the browser run failed: \(run.stderr)") }
        var pages: [String: String] = [:]
        for case .open(_, let name) in steps { pages[name] = try String(contentsOf: artefacts.appendingPathComponent(name + ".html"), encoding: .utf8) }
        for case .submit(_, let name) in steps { pages[name] = try String(contentsOf: artefacts.appendingPathComponent(name + ".html"), encoding: .utf8) }
        return pages
    }
}

/// Reading the console's DOM: its figures sit in `data-figure` / `data-amount` attributes.
enum ConsoleDOM {
    /// The text from the element that starts with `opening` to the first `closing` after it.
    static func element(_ html: String, opening: String, closing: String) -> String? {
        guard let start = html.range(of: opening), let end = html.range(of: closing, range: start.upperBound..<html.endIndex) else { return nil }
        return String(html[start.lowerBound..<end.upperBound])
    }

    /// `data-figure` → `data-amount` of every element in `html` that has both.
    static func amounts(_ html: String) -> [String: String] {
        var found: [String: String] = [:]
        for match in html.matches(of: #/data-figure="([a-z_]+)" data-amount="([0-9.\-]*)"/#) {
            found[String(match.output.1)] = String(match.output.2)
        }
        return found
    }

    /// `data-figure` → (amount, drawn width) of every bar in an SVG row.
    static func bars(_ html: String) -> [String: (amount: Double, width: Double)] {
        var found: [String: (Double, Double)] = [:]
        for match in html.matches(of: #/<rect class="bar" data-figure="([a-z_]+)" data-amount="([0-9.\-]+)"[^>]* width="([0-9.]+)"/#) {
            found[String(match.output.1)] = (Double(match.output.2) ?? -1, Double(match.output.3) ?? -1)
        }
        return found
    }
}
