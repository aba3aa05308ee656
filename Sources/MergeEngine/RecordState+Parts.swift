extension RecordState {
    /// Reassembles a state from its parts (as decoded from storage or the wire) and
    /// checks every invariant the merge rules rely on, so a corrupt or hostile input
    /// can never produce a state that joins differently on two replicas.
    ///
    /// - Throws: ``MergeError/invalidState(_:_:)`` naming the first broken invariant:
    ///   entries must be strictly ascending by stamp and included in `context`, field
    ///   slots strictly ascending by id and never empty.
    public init(
        id: RecordID, type: RecordTypeID, context: VersionVector,
        existence: [ExistenceEntry], fields: [FieldSlot]
    ) throws(MergeError) {
        try Self.checkEntries(existence, context: context, record: id, what: "existence entries")
        for (index, slot) in fields.enumerated() {
            guard !slot.siblings.isEmpty else { throw .invalidState(id, "field \(slot.id) has no value") }
            if index > 0, fields[index - 1].id >= slot.id {
                throw .invalidState(id, "fields are not in ascending id order at \(slot.id)")
            }
            try Self.checkEntries(slot.siblings, context: context, record: id, what: "values of field \(slot.id)")
        }
        self.init(id: id, type: type)
        self.context = context
        self.existence = existence
        self.fields = fields
    }

    private static func checkEntries(
        _ entries: [some Stamped], context: VersionVector, record: RecordID, what: @autoclosure () -> String
    ) throws(MergeError) {
        // `what` names the entries in an error only: a valid state (every one a device
        // decodes in a bootstrap) never formats it.
        for (index, entry) in entries.enumerated() {
            guard context.contains(entry.stamp) else {
                throw .invalidState(record, "\(what()): stamp \(entry.stamp) lies outside the record's context \(context)")
            }
            if index > 0, entries[index - 1].stamp >= entry.stamp {
                throw .invalidState(record, "\(what()) are not in strictly ascending stamp order at \(entry.stamp)")
            }
        }
    }
}
