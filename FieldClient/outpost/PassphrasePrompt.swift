import FieldClient
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Asks for a passphrase on the controlling terminal with echo turned off.
enum PassphrasePrompt {
    /// Writes `prompt` to the terminal and reads one line without echoing it.
    /// - Throws: `.locked` when there is no terminal to ask on.
    static func ask(_ prompt: String) throws(ReplicaError) -> [UInt8] {
        let terminal = open("/dev/tty", O_RDWR | O_CLOEXEC)
        guard terminal >= 0 else {
            throw ReplicaError(.locked, "no terminal to ask for the passphrase on; pass --passphrase-file FILE or OUTPOST_PASSPHRASE")
        }
        defer { close(terminal) }
        var saved = termios()
        let canHideEcho = tcgetattr(terminal, &saved) == 0
        if canHideEcho {
            var quiet = saved
            quiet.c_lflag &= ~tcflag_t(ECHO)
            quiet.c_lflag |= tcflag_t(ECHONL)
            tcsetattr(terminal, TCSAFLUSH, &quiet)
        }
        defer { if canHideEcho { tcsetattr(terminal, TCSAFLUSH, &saved) } }
        _ = Array(prompt.utf8).withUnsafeBytes { write(terminal, $0.baseAddress, $0.count) }
        var line: [UInt8] = []
        var byte: UInt8 = 0
        while read(terminal, &byte, 1) == 1, byte != UInt8(ascii: "\n") {
            line.append(byte)
        }
        if line.last == UInt8(ascii: "\r") { line.removeLast() }
        return line
    }
}
