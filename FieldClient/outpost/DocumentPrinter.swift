import FieldClient
import Foundation

/// Prints HTML to PDF with a headless Chromium, the one PDF engine a Linux device is
/// likely to have (Debian's `chromium`); Outpost carries no PDF writer of its own.
enum DocumentPrinter {
    /// The Chromium to run: `OUTPOST_CHROMIUM`, else the first `chromium` or
    /// `chromium-browser` on the PATH.
    static var chromium: URL? {
        let environment = ProcessInfo.processInfo.environment
        if let explicit = environment["OUTPOST_CHROMIUM"] { return URL(fileURLWithPath: explicit) }
        for folder in (environment["PATH"] ?? "/usr/bin").split(separator: ":") {
            for name in ["chromium", "chromium-browser"] {
                let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            }
        }
        return nil
    }

    /// Writes `html` as a PDF to `file`.
    /// - Throws: `ReplicaError(.invalid)` when no Chromium is found or it fails.
    static func pdf(html: String, to file: URL) throws {
        guard let chromium else {
            throw ReplicaError(.invalid, "no chromium to print the PDF with; install it (apt-get install chromium), set OUTPOST_CHROMIUM, or use --format html and print from a browser")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("outpost-document-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("quote.html")
        try Data(html.utf8).write(to: page)
        let process = Process()
        process.executableURL = chromium
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                             "--user-data-dir=\(folder.appendingPathComponent("profile").path)",
                             "--print-to-pdf=\(file.path)", page.absoluteString]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0, FileManager.default.fileExists(atPath: file.path) else {
            throw ReplicaError(.invalid, "chromium could not print \(file.path) (exit \(process.terminationStatus)); try --format html")
        }
    }
}
