public import Foundation

/// A new, empty folder under the system's temporary directory for one test's files,
/// removed with everything in it by ``remove()`` or when the last reference to it goes.
/// A suite holds it as a property; a test holds it as a local with
/// `defer { folder.remove() }`, which also keeps it alive while paths into it are used.
public final class ScratchFolder: Sendable {
    /// Where the folder is.
    public let url: URL

    /// Creates the folder, named `prefix` and a fresh UUID.
    public init(_ prefix: String) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { remove() }

    /// Removes the folder and everything in it.
    public func remove() { try? FileManager.default.removeItem(at: url) }

    /// The path of `name` inside the folder.
    public func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// Writes `text` to `name` inside the folder; returns its path.
    @discardableResult
    public func write(_ name: String, _ text: String) throws -> String {
        let path = path(name)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
