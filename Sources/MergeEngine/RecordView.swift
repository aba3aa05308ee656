/// A delete that is concurrent with updates or restores of the same record. Kept
/// visible until a user resolves it (restore, or delete again having seen everything).
public struct DeleteConflict: Hashable, Sendable {
    /// The concurrent deletes.
    public var tombstones: [ExistenceEntry]
    /// Concurrent creates/restores.
    public var restores: [ExistenceEntry]
    /// Fields holding values some delete's author had not seen.
    public var updatedFields: [FieldID]
}

/// What a user sees of a record: winners, per-field conflicts and the delete status,
/// computed from a ``RecordState`` and the type's ``DeletePolicy``.
public struct RecordView: Hashable, Sendable {
    /// The record.
    public var id: RecordID
    /// Its type.
    public var type: RecordTypeID
    /// Whether the record counts as deleted under its type's policy.
    public var isDeleted: Bool
    /// The visible value of each field: the sibling with the highest hub stamp.
    public var values: [FieldID: FieldValue]
    /// Losing siblings of fields written concurrently, ascending by stamp.
    public var conflicts: [FieldID: [FieldEntry]]
    /// A delete concurrent with updates/restores, if any.
    public var deleteConflict: DeleteConflict?

    /// The winning entry of `field`, if any.
    public var hasConflicts: Bool { !conflicts.isEmpty || deleteConflict != nil }
}

extension RecordState {
    /// Resolves this state for display.
    ///
    /// Winners: among a field's siblings the highest hub stamp wins, i.e. the write the
    /// hub accepted last. This order is the same on every replica and ignores device
    /// clocks, so a device whose clock runs ahead cannot win every conflict.
    ///
    /// Deletes: with no tombstone the record is alive. With tombstones and no
    /// concurrent restore or unseen field update, it is deleted. Otherwise there is a
    /// ``DeleteConflict`` and `policy` decides.
    public func view(policy: DeletePolicy) -> RecordView {
        var values: [FieldID: FieldValue] = [:]
        var conflicts: [FieldID: [FieldEntry]] = [:]
        for slot in fields {
            guard let winner = slot.siblings.last else { continue }
            values[slot.id] = winner.value
            if slot.siblings.count > 1 { conflicts[slot.id] = Array(slot.siblings.dropLast()) }
        }
        let tombstones = existence.filter(\.isTombstone)
        var isDeleted = false
        var deleteConflict: DeleteConflict?
        if !tombstones.isEmpty {
            let restores = existence.filter { !$0.isTombstone }
            let updated = fields.filter { slot in
                slot.siblings.contains { entry in
                    tombstones.contains { tombstone in
                        guard case .deleted(let seen) = tombstone.kind else { return false }
                        return !seen.contains(entry.stamp)
                    }
                }
            }.map(\.id)
            if restores.isEmpty && updated.isEmpty {
                isDeleted = true
            } else {
                isDeleted = policy == .deleteWins
                deleteConflict = DeleteConflict(tombstones: tombstones, restores: restores, updatedFields: updated)
            }
        }
        return RecordView(
            id: id, type: type, isDeleted: isDeleted, values: values,
            conflicts: conflicts, deleteConflict: deleteConflict)
    }
}
