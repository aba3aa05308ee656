import Foundation
import OutpostModel
import Testing

/// Devices are named by their user and label wherever people read them.
@Suite("Devices named by user and label", .serialized)
struct DeviceNamingTests {
    @Test("conflicts list names the other device by number, user and label; status and device list name them the same way")
    func conflictsNameTheWriter() async throws {
        try await LiveHub.with { hub in
            let rep = hub.company.repNorth
            let first = try await CLIDevice.enrolled(rep, on: hub, label: "first-handheld")
            let second = try await CLIDevice.enrolled(rep, on: hub, label: "second-laptop")
            let secondNumber = try #require(try await second.objects(["status"]).first?["device"] as? Int)
            let contact = try #require(hub.company.contacts.first { $0.firstName == "Ana" })

            try await first.succeed(["contacts", "update", contact.id.description, "phone=+49 40 111"])
            try await second.succeed(["contacts", "update", contact.id.description, "phone=+49 40 222"])
            try await first.succeed(["sync"])
            try await second.succeed(["sync"])
            try await first.succeed(["sync"])

            let expected = "device \(secondNumber) (\(rep.name), second-laptop)"
            let conflicts = try await first.objects(["conflicts", "list"])
            let writers = conflicts.flatMap { ($0["values"] as? [[String: Any]] ?? []).compactMap { $0["writer"] as? String } }
            #expect(Set(writers) == ["this device", expected], "\(conflicts)")
            let table = try await first.succeed(["conflicts", "list", "--wide"])
            #expect(table.contains(expected), "\(table)")

            #expect(try await second.succeed(["status"]).contains(expected))
            let listed = try await runServerCommand(["device", "list", "--db", hub.folder.appendingPathComponent("hq.sqlite").path])
            #expect(listed.output.contains(expected), "\(listed.output)")
        }
    }
}
