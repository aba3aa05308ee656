import MergeEngine

extension WriteOperation {
    /// `create`, `update`, `delete` or `restore`, as `status` and `rejected` print a change.
    var name: String {
        switch self {
        case .create: "create"
        case .update: "update"
        case .delete: "delete"
        case .restore: "restore"
        }
    }
}
