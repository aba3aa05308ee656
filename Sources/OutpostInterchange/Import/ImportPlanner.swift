import OutpostModel

/// What an import will do with each row of a checked file, decided against the stored
/// records of its kind before anything is written (and all that `--dry-run` prints).
public struct ImportPlan: Hashable, Sendable {
    /// The records to write, in file order: the new ones and the changed ones.
    public let records: InterchangeRecords
    /// Rows that make a new record.
    public let created: Int
    /// Rows that change a stored record (named by id, or by a unique name).
    public let updated: Int
    /// Rows equal to the stored record they name; nothing is written for them.
    public let unchanged: Int
    /// Rows without an id that look like a stored record or an earlier row, in file
    /// order; they are left out unless duplicates are allowed.
    public let duplicates: [RowError]
}

/// Decides, row by row, between create, update, unchanged and likely duplicate.
///
/// - A row with an id updates the stored record with that id (unchanged when equal), or
///   creates it.
/// - A row without an id is matched on its kind's keys: for kinds with unique names
///   (territories, users, products, quotas) the match *is* the record, which the row
///   updates; for accounts (normalised name and city), contacts and leads (e-mail) a
///   match is a likely duplicate, reported and left out unless `allowDuplicates`.
///   Earlier rows of the same file count as stored ones.
public enum ImportPlanner {
    /// Plans `file` against `stored`, the records of the same kind the store holds.
    /// - Precondition: `stored` is of `file`'s kind.
    public static func plan(_ file: ImportedFile, stored: InterchangeRecords, allowDuplicates: Bool = false) -> ImportPlan {
        func run<C: RecordColumns>(_ layout: C.Type, _ rows: [C.Record], _ existing: [C.Record],
                                   _ wrap: ([C.Record]) -> InterchangeRecords) -> ImportPlan {
            plan(layout, rows: rows, file: file, stored: existing, allowDuplicates: allowDuplicates, wrap: wrap)
        }
        switch (file.records, stored) {
        case let (.accounts(rows), .accounts(existing)): return run(AccountColumns.self, rows, existing) { .accounts($0) }
        case let (.contacts(rows), .contacts(existing)): return run(ContactColumns.self, rows, existing) { .contacts($0) }
        case let (.opportunities(rows), .opportunities(existing)):
            return run(OpportunityColumns.self, rows, existing) { .opportunities($0) }
        case let (.leads(rows), .leads(existing)): return run(LeadColumns.self, rows, existing) { .leads($0) }
        case let (.activities(rows), .activities(existing)): return run(ActivityColumns.self, rows, existing) { .activities($0) }
        case let (.territories(rows), .territories(existing)):
            return run(TerritoryColumns.self, rows, existing) { .territories($0) }
        case let (.users(rows), .users(existing)): return run(UserColumns.self, rows, existing) { .users($0) }
        case let (.quotas(rows), .quotas(existing)): return run(QuotaColumns.self, rows, existing) { .quotas($0) }
        case let (.products(rows), .products(existing)): return run(ProductColumns.self, rows, existing) { .products($0) }
        default:
            preconditionFailure("stored \(stored.kind) records given to plan a \(file.records.kind) file")
        }
    }

    private static func plan<C: RecordColumns>(_: C.Type, rows: [C.Record], file: ImportedFile, stored: [C.Record],
                                               allowDuplicates: Bool,
                                               wrap: ([C.Record]) -> InterchangeRecords) -> ImportPlan {
        var byID = Dictionary(stored.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        /// Where each key was seen: a stored record's id, or an earlier row's line and id.
        var seen: [String: (id: C.Record.ID, line: Int?)] = [:]
        for record in stored { for key in C.matchKeys(record) where seen[key] == nil { seen[key] = (record.id, nil) } }

        var writes: [C.Record] = []
        var created = 0, updated = 0, unchanged = 0
        var duplicates: [RowError] = []
        for (index, row) in rows.enumerated() {
            var record = row
            let line = file.lines[index]
            let keys = C.matchKeys(record)
            if !file.givenIDs[index], let key = keys.first(where: { seen[$0] != nil }), let match = seen[key] {
                if C.matchIsIdentity && match.line == nil {
                    record.id = match.id
                } else if !allowDuplicates {
                    let what = match.line.map { "line \($0)" } ?? "\(C.kind.singular) \(ShortID.of(match.id.description))"
                    duplicates.append(RowError(.likelyDuplicate, line: line, column: "",
                        "looks like \(what) (same \(key.prefix { $0 != ":" })); left out. "
                        + "Give its id to update it, or import with --allow-duplicates to create it anyway"))
                    continue
                }
            }
            for key in keys where seen[key] == nil { seen[key] = (record.id, line) }
            if let existing = byID[record.id] {
                if existing == record { unchanged += 1; continue }
                updated += 1
            } else {
                created += 1
            }
            byID[record.id] = record
            writes.append(record)
        }
        return ImportPlan(records: wrap(writes), created: created, updated: updated, unchanged: unchanged,
                          duplicates: duplicates)
    }
}

extension InterchangeKind {
    /// One record of the kind: `account`, `opportunity`, …
    public var singular: String {
        switch self {
        case .accounts: "account"
        case .contacts: "contact"
        case .opportunities: "opportunity"
        case .leads: "lead"
        case .activities: "activity"
        case .territories: "territory"
        case .users: "user"
        case .quotas: "quota"
        case .products: "product"
        }
    }
}
