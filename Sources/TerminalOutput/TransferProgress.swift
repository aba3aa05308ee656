import Glibc

/// One line of progress for a long transfer (records and bytes so far), redrawn in
/// place. It shows only on a terminal and never under `--json`, so scripts and pipes
/// read the command's output alone.
///
/// ```swift
/// let progress = TransferProgress.onStandardOutput(json: output.json)
/// progress.show(records: 12_000, bytes: 1_480_000)   // "receiving: 12,000 records, 1.5 MB"
/// progress.finish()
/// ```
public struct TransferProgress: Sendable {
    /// Whether anything is drawn.
    public let isShown: Bool
    private let write: @Sendable (String) -> Void

    /// - Parameters:
    ///   - isTerminal: Whether the output is a terminal.
    ///   - json: Whether the command prints JSON (then nothing is drawn).
    ///   - write: Where the characters go.
    public init(isTerminal: Bool, json: Bool, write: @escaping @Sendable (String) -> Void) {
        isShown = isTerminal && !json
        self.write = write
    }

    /// Progress on standard output, shown when it is a terminal and `json` is off.
    public static func onStandardOutput(json: Bool) -> TransferProgress {
        TransferProgress(isTerminal: isatty(STDOUT_FILENO) == 1, json: json) { text in
            // Unbuffered, so the line shows at once; the lines `print` writes end with a
            // newline and are flushed before on a terminal.
            let bytes = Array(text.utf8)
            _ = bytes.withUnsafeBytes { Glibc.write(STDOUT_FILENO, $0.baseAddress, $0.count) }
        }
    }

    /// Redraws the line: `receiving: 12,000 records, 1.5 MB`.
    public func show(records: Int, bytes: Int) {
        guard isShown else { return }
        write("\r\u{1B}[K" + Self.line(records: records, bytes: bytes))
    }

    /// Clears the line, so what the command prints next starts at its beginning.
    public func finish() {
        guard isShown else { return }
        write("\r\u{1B}[K")
    }

    /// `receiving: 12,000 records, 1.5 MB`.
    static func line(records: Int, bytes: Int) -> String {
        "receiving: \(grouped(records)) record\(records == 1 ? "" : "s"), \(size(bytes))"
    }

    /// `12,000`.
    static func grouped(_ number: Int) -> String {
        let digits = Array(String(number.magnitude))
        let groups = stride(from: digits.count, to: 0, by: -3).reversed().map { end in String(digits[max(0, end - 3)..<end]) }
        return (number < 0 ? "-" : "") + groups.joined(separator: ",")
    }

    /// `980 B`, `12.5 KB`, `1.4 MB` (1 KB = 1,000 bytes).
    static func size(_ bytes: Int) -> String {
        if bytes < 1000 { return "\(bytes) B" }
        let units = ["KB", "MB", "GB"]
        var value = Double(bytes) / 1000
        var unit = 0
        while value >= 1000, unit < units.count - 1 {
            value /= 1000
            unit += 1
        }
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10) \(units[unit])"
    }
}
