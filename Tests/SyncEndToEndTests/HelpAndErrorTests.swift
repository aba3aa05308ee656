import Foundation
import Testing

/// What both real binaries print for help and for mistakes.
@Suite("Help examples and errors on the real binaries")
struct HelpAndErrorTests {
    /// Every discussion line of `tool`'s commands, from ArgumentParser's help dump.
    func discussionLines(_ tool: String) async throws -> [(command: String, line: String)] {
        let dump = try await ToolRun.run(tool, ["--experimental-dump-help"])
        let root = try #require(try JSONSerialization.jsonObject(with: Data(dump.output.utf8)) as? [String: Any])
        var lines: [(String, String)] = []
        func walk(_ command: [String: Any], _ path: String) {
            for line in ((command["discussion"] as? String) ?? "").split(separator: "\n") { lines.append((path, String(line))) }
            for sub in command["subcommands"] as? [[String: Any]] ?? [] {
                walk(sub, path + " " + ((sub["commandName"] as? String) ?? "?"))
            }
        }
        walk(try #require(root["command"] as? [String: Any]), tool)
        return lines
    }

    @Test("every example command fits an 80-column help screen, so it is never wrapped inside", arguments: ["outpost", "outpost-server"])
    func examplesFit(tool: String) async throws {
        let lines = try await discussionLines(tool)
        let examples = lines.filter { $0.line.hasPrefix("  ") && $0.line.contains("outpost") }
        #expect(examples.count > 20)
        for example in examples where example.line.count > 80 {
            Issue.record("\(example.command): an example of \(example.line.count) columns wraps: \(example.line)")
        }
    }

    @Test("a mistyped command gets a suggestion; --json errors are JSON on standard error with a non-zero status")
    func typosAndJSONErrors() async throws {
        let typo = try await ToolRun.run("outpost", ["acounts", "list"])
        #expect(typo.status != 0)
        #expect(typo.errors.contains("did you mean `outpost accounts`?"), "\(typo.errors)")
        let server = try await ToolRun.run("outpost-server", ["catalog", "prodcut", "list"])
        #expect(server.errors.contains("did you mean `outpost-server catalog product`?"), "\(server.errors)")

        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("outpost-none-\(UUID())").path
        for (tool, arguments) in [("outpost", ["sync", "--json", "--replica", missing]),
                                  ("outpost", ["accounts", "list", "--json", "--replica", missing]),
                                  ("outpost-server", ["user", "list", "--json", "--db", missing])] {
            let run = try await ToolRun.run(tool, arguments)
            #expect(run.status != 0)
            #expect(run.output.isEmpty)
            let object = try JSONSerialization.jsonObject(with: Data(run.errors.utf8)) as? [String: Any]
            #expect((object?["error"] as? String)?.isEmpty == false, "\(tool) \(arguments): \(run.errors)")
        }
    }
}
