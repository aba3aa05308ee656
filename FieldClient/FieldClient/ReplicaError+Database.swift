import GRDB

extension ReplicaError {
    /// The error to report for a failure of the replica database while `doing` something:
    /// a database held by another command is `.busy`, a damaged file `.corrupt`, a file
    /// that cannot be read or written `.storage`; a ``ReplicaError`` thrown inside a
    /// transaction passes through unchanged.
    static func database(_ error: any Error, doing: String) -> ReplicaError {
        if let error = error as? ReplicaError { return error }
        guard let error = error as? DatabaseError else {
            return ReplicaError(.corrupt, "\(doing) failed: \(error)")
        }
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return ReplicaError(.busy, "another outpost command is using this replica; try again when it has finished (nothing was changed here)")
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            return ReplicaError(.corrupt, "\(doing) failed: the replica file is damaged (\(error.message ?? "\(error)")); "
                + "run outpost check, or move the replica folder aside and enrol the device again")
        case .SQLITE_FULL:
            return ReplicaError(.storage, "\(doing) failed: the disk is full; free some space and try again (nothing was changed)")
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_CANTOPEN, .SQLITE_IOERR, .SQLITE_AUTH:
            return ReplicaError(.storage, "\(doing) failed: the replica file cannot be read or written (\(error.message ?? "\(error)")); "
                + "check the folder's permissions and the disk")
        default:
            return ReplicaError(.corrupt, "\(doing) failed: \(error)")
        }
    }
}
