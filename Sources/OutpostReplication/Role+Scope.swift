public import OutpostModel

extension Role {
    /// Kinds a device of this role receives, and may update, whatever their territory:
    /// the order desk works every order (and nothing else of the territories it lacks).
    public var kindsFromEveryTerritory: Set<ReplicatedKind> {
        self == .desk ? [.order] : []
    }
}
