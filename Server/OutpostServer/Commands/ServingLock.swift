import Foundation
import Glibc

/// An advisory lock (`flock`) on `FILE.lock` beside a database: `serve` holds it shared
/// for as long as it runs, `restore` takes it exclusive, so a restore never replaces a
/// file a server is using. The kernel drops it when the process ends, even by SIGKILL.
final class ServingLock {
    private let descriptor: Int32

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// The lock file of the database at `database`.
    static func path(forDatabase database: String) -> String { database + ".lock" }

    /// Held by `serve`: several servers may share it; refused while a restore runs.
    static func serving(_ database: String) throws -> ServingLock {
        try take(database, LOCK_SH, busy: "a restore of \(database) is running; start the server once it has finished")
    }

    /// Held by `restore`: refused while any server uses the database.
    static func restoring(_ database: String) throws -> ServingLock {
        try take(database, LOCK_EX, busy: "a server is running on \(database); stop it (Ctrl-C or SIGTERM) before restoring, "
            + "then start it again")
    }

    private static func take(_ database: String, _ operation: Int32, busy: String) throws -> ServingLock {
        let path = path(forDatabase: database)
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw CommandError("cannot open the lock file \(path): \(String(cString: strerror(errno))); check the folder's permissions")
        }
        guard flock(descriptor, operation | LOCK_NB) == 0 else {
            let reason = errno
            close(descriptor)
            guard reason == EWOULDBLOCK else { throw CommandError("cannot lock \(path): \(String(cString: strerror(reason)))") }
            throw CommandError(busy)
        }
        return ServingLock(descriptor: descriptor)
    }
}
