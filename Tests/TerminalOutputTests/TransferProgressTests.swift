import Synchronization
import Testing
import TerminalOutput

@Suite("Transfer progress on a terminal")
struct TransferProgressTests {
    /// What a progress display wrote.
    final class Screen: Sendable {
        let written = Mutex<[String]>([])
        var text: String { written.withLock { $0.joined() } }
        func write(_ text: String) { written.withLock { $0.append(text) } }
    }

    @Test("on a terminal each update redraws one line with records and bytes, and finishing clears it")
    func onATerminal() {
        let screen = Screen()
        let progress = TransferProgress(isTerminal: true, json: false, write: screen.write)
        progress.show(records: 1000, bytes: 48_213)
        progress.show(records: 12_000, bytes: 1_480_000)
        progress.finish()
        #expect(screen.written.withLock { $0 } == [
            "\r\u{1B}[Kreceiving: 1,000 records, 48.2 KB",
            "\r\u{1B}[Kreceiving: 12,000 records, 1.5 MB",
            "\r\u{1B}[K",
        ])
    }

    @Test("nothing is drawn when the output is not a terminal, or with --json", arguments: [(false, false), (false, true), (true, true)])
    func silent(isTerminal: Bool, json: Bool) {
        let screen = Screen()
        let progress = TransferProgress(isTerminal: isTerminal, json: json, write: screen.write)
        progress.show(records: 5, bytes: 700)
        progress.finish()
        #expect(!progress.isShown)
        #expect(screen.text.isEmpty)
    }

    @Test("small counts read naturally")
    func smallCounts() {
        let screen = Screen()
        let progress = TransferProgress(isTerminal: true, json: false, write: screen.write)
        progress.show(records: 1, bytes: 999)
        #expect(screen.text == "\r\u{1B}[Kreceiving: 1 record, 999 B")
    }
}
