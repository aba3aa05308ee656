import ArgumentParser
import FieldClient
import OutpostModel
import Foundation
import TerminalOutput

/// `outpost enrol`: makes this device's keys and registers it with a one-time code.
struct Enrol: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Enrol this device with a server using a one-time code from an admin.",
        discussion: """
            The admin runs `outpost-server device enrol --user NAME` and reads you the code.
            The replica is encrypted at rest under the passphrase you choose now (asked on
            the terminal, or --passphrase-file / OUTPOST_PASSPHRASE), or under a key file
            for unattended devices (--key-file FILE, created with 32 random bytes if missing).
            Examples:
              outpost enrol --server http://hq.example:8080 --code ABCD-EFGH-JKMN
              outpost enrol --server http://hq.example:8080 --code ABCD-EFGH-JKMN \\
                --key-file /etc/outpost/key
            """
    )
    @OptionGroup var options: ReplicaOptions
    @OptionGroup var output: JSONOption

    @Option(help: "The server's HTTP address, e.g. http://hq.example:8080.")
    var server: String

    @Option(help: "The one-time enrolment code (dashes and case do not matter).")
    var code: String

    @Option(help: "A name for this device in the admin's device list (default: the host name).")
    var label: String?

    struct Result: Encodable {
        let user: String
        let role: String
        let device: UInt32
        let territories: [String]
        let endpoint: String
        let replica: String
    }

    func run() throws {
        let folder = options.location.folder
        let label = self.label ?? ProcessInfo.processInfo.hostName
        let (replica, _) = try Enrolment.enrol(folder: folder, serverURL: server, code: code, label: label,
                                               secret: try options.secret(confirm: true))
        let identity = try replica.identity()
        let result = Result(user: identity.userName, role: identity.role, device: identity.deviceNumber,
                            territories: identity.territories, endpoint: identity.syncEndpoint, replica: folder.path)
        if output.json { return try Output.json(result) }
        print("Enrolled as \(result.user) (\(result.role)), " + DeviceName.described(number: Int(result.device), user: result.user, label: label) + ".")
        print("Territories: \(result.territories.isEmpty ? "none yet" : result.territories.joined(separator: ", "))")
        print("Sync endpoint: \(result.endpoint). Next: outpost sync")
    }
}
