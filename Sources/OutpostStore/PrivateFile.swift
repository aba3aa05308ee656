import Foundation
import Glibc

/// The server's files that hold secrets (its database, the database's `-wal` and
/// `-shm`, its key file) must be readable by their owner alone.
public enum PrivateFile {
    /// Refuses `path` when its group or others may read or write it, naming the fix.
    /// - Throws: `.database` with the `chmod 600` to run.
    public static func require(_ path: String, holding what: String) throws(StoreError) {
        var status = stat()
        guard stat(path, &status) == 0 else { return }
        let mode = status.st_mode & 0o777
        guard mode & 0o077 == 0 else {
            throw StoreError(.database, "\(path) may be read by other users (mode \(String(mode, radix: 8))) and holds \(what); "
                + "run: chmod 600 \(path)")
        }
    }

    /// Sets mode 0600 on each of `paths` that exists.
    public static func restrict(_ paths: [String]) {
        for path in paths where FileManager.default.fileExists(atPath: path) {
            chmod(path, 0o600)
        }
    }
}
