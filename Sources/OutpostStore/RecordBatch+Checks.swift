public import OutpostModel

extension RecordBatch {
    /// Checks every record's own invariants before anything is written.
    /// - Throws: `.invalid` naming the first bad record and field.
    public func validateRecords() throws(StoreError) {
        try Self.validate(territories, "territory")
        try Self.validate(users, "user")
        try Self.validate(accounts, "account")
        try Self.validate(contacts, "contact")
        try Self.validate(leads, "lead")
        try Self.validate(opportunities, "opportunity")
        try Self.validate(activities, "activity")
        try Self.validate(products, "product")
        try Self.validate(productOptions, "product option")
        try Self.validate(priceBooks, "price book")
        try Self.validate(quotas, "quota")
        for model in configuratorModels { try model.validateClauses() }
    }

    private static func validate<R: Validatable & Identifiable>(_ records: [R], _ kind: String) throws(StoreError) {
        for record in records {
            do throws(ValidationError) {
                try record.validate()
            } catch {
                throw StoreError(.invalid, "\(kind) \(record.id): \(error)")
            }
        }
    }

    /// The batch's territories ordered so that every parent in the batch comes before
    /// its children. Parents outside the batch must already be stored.
    /// - Throws: `.invalid` when the batch's parent links form a cycle.
    public func territoriesParentsFirst() throws(StoreError) -> [Territory] {
        let ordered = Territory.depthFirst(territories)
        guard ordered.count == territories.count else {
            let reached = Set(ordered.map(\.id))
            let stuck = territories.filter { !reached.contains($0.id) }.map(\.name).sorted()
            throw StoreError(.invalid, "territories \(stuck.joined(separator: ", ")) are each other's parents (a cycle); "
                + "give one of them a parent outside the cycle or none")
        }
        return ordered
    }
}
