public import ArgumentParser
import Foundation

/// How both command-line tools end on an error: with `--json` among the arguments, a
/// JSON object `{"error": …}` on standard error; a mistyped command word gets "did you
/// mean …"; always a non-zero status (help and `--version` still exit 0).
public enum CommandFailure {
    /// Prints `error` as the tool should and exits.
    /// - Parameters:
    ///   - root: the tool's root command, for messages, exit codes and command names.
    ///   - arguments: the arguments the tool was given (without the program name).
    public static func exit(_ error: any Error, root: any ParsableCommand.Type, arguments: [String]) -> Never {
        let code = root.exitCode(for: error)
        guard code != .success else { root.exit(withError: error) }
        let hint = suggestion(arguments, root: root)
        if arguments.contains("--json") {
            var message = root.message(for: error)
            if let hint { message += " (\(hint))" }
            let line = (try? Output.jsonLine(["error": message])) ?? #"{"error":"unprintable error"}"#
            FileHandle.standardError.write(Data((line + "\n").utf8))
            Foundation.exit(code.rawValue)
        }
        if let hint { Output.status(hint) }
        root.exit(withError: error)
    }

    /// "did you mean `outpost accounts list`?" when a word where a subcommand belongs is
    /// close to one of them.
    public static func suggestion(_ arguments: [String], root: any ParsableCommand.Type) -> String? {
        var path = [root._commandName]
        var current: any ParsableCommand.Type = root
        for word in arguments where !word.hasPrefix("-") {
            let subcommands = current.configuration.subcommands
            guard !subcommands.isEmpty else { return nil }
            if let next = subcommands.first(where: { $0._commandName == word }) {
                path.append(word)
                current = next
                continue
            }
            guard let near = Suggestion.nearest(word, among: subcommands.map { $0._commandName }) else { return nil }
            return "did you mean `\((path + [near]).joined(separator: " "))`?"
        }
        return nil
    }
}
