import Foundation
import Hummingbird

/// The fields of a posted `application/x-www-form-urlencoded` form.
struct ConsoleForm {
    private let fields: [String: String]

    /// The fields of `request`'s body (at most 64 KiB).
    init(_ request: Request) async throws {
        let buffer = try await request.body.collect(upTo: 64 * 1024)
        self.init(encoded: String(buffer: buffer))
    }

    /// The fields of `name=value&…` text; a repeated name keeps its first value.
    init(encoded text: String) {
        var fields: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ part: Substring) -> String {
                String(part).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            }
            let name = decode(parts[0])
            if fields[name] == nil { fields[name] = parts.count > 1 ? decode(parts[1]) : "" }
        }
        self.fields = fields
    }

    /// The value of field `name`, if posted.
    subscript(_ name: String) -> String? { fields[name] }
}
