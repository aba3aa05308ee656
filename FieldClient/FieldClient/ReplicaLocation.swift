public import Foundation

/// Where a device keeps its replica: `--replica`, else `OUTPOST_REPLICA`, else `~/.outpost`.
public struct ReplicaLocation: Sendable, Equatable {
    /// The replica folder.
    public let folder: URL

    /// Resolves the folder from the flag, the environment and the home directory, in that order.
    public init(flag: String?, environment: [String: String] = ProcessInfo.processInfo.environment) {
        if let flag, !flag.isEmpty {
            folder = URL(fileURLWithPath: flag, isDirectory: true)
        } else if let fromEnvironment = environment["OUTPOST_REPLICA"], !fromEnvironment.isEmpty {
            folder = URL(fileURLWithPath: fromEnvironment, isDirectory: true)
        } else {
            let home = environment["HOME"].map { URL(fileURLWithPath: $0, isDirectory: true) }
                ?? FileManager.default.homeDirectoryForCurrentUser
            folder = home.appendingPathComponent(".outpost", isDirectory: true)
        }
    }
}
