import GRDB
import OutpostModel
import OutpostStore

extension RecordBatch {
    /// Checks every record's own invariants before anything is written.
    /// - Throws: `.invalid` naming the first bad record and field.
    func validateRecords() throws(StoreError) {
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

    /// Inserts every record, parents before children, inside the caller's transaction.
    ///
    /// Each record takes the next value of the change sequence in insertion order.
    func insertRecords(_ db: Database) throws {
        let territories = try Territory.parentsFirst(territories)
        try ChangeSequence.use(db) { sequence in
            for territory in territories { try territory.insert(db, changeSeq: sequence.next()) }
            for user in users { try user.insert(db, changeSeq: sequence.next()) }
            for account in accounts { try account.insert(db, changeSeq: sequence.next()) }
            for contact in contacts { try contact.insert(db, changeSeq: sequence.next()) }
            for lead in leads { try lead.insert(db, changeSeq: sequence.next()) }
            for opportunity in opportunities { try opportunity.insert(db, changeSeq: sequence.next()) }
            for activity in activities { try activity.insert(db, changeSeq: sequence.next()) }
            for product in products { try product.insert(db, changeSeq: sequence.next()) }
            for option in productOptions { try option.insert(db, changeSeq: sequence.next()) }
            for book in priceBooks { try book.insert(db, changeSeq: sequence.next()) }
            for model in configuratorModels { try model.insert(db, changeSeq: sequence.next()) }
            for submission in forecastSubmissions { try submission.insert(db, changeSeq: sequence.next()) }
        }
    }
}
