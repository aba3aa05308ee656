import Foundation

/// A secret token that `serve` reads from a file named by a flag or, without the flag,
/// from an environment variable (the feed token, the lead token).
enum TokenFile {
    /// The token in `file`, or else in the environment variable `variable`, trimmed;
    /// `nil` when neither is set (an empty variable counts as not set).
    /// - Parameters:
    ///   - file: the path given by the flag, if any.
    ///   - variable: the environment variable read when no file is given, e.g. `OUTPOST_FEED_TOKEN`.
    ///   - name: what the token is, for messages, e.g. `feed token`.
    /// - Throws: a ``CommandError`` when the file cannot be read or holds nothing.
    static func read(_ file: String?, orEnvironment variable: String, name: String) throws -> String? {
        let text: String?
        if let file {
            do { text = try String(contentsOfFile: file, encoding: .utf8) } catch {
                throw CommandError("cannot read the \(name) file \(file): \(error.localizedDescription)")
            }
        } else {
            text = ProcessInfo.processInfo.environment[variable]
        }
        guard let token = text?.trimmingCharacters(in: .whitespacesAndNewlines), !token.isEmpty else {
            if let file { throw CommandError("the \(name) file \(file) is empty") }
            return nil
        }
        return token
    }
}
