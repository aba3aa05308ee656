import ArgumentParser
import Foundation
import FieldClient
import MergeEngine
import OutpostModel
import OutpostReplication

/// The filters, sort and page every `list` and `search` takes.
struct RecordQuery: ParsableArguments {
    @Flag(help: "Only records you own (opportunities, activities).")
    var mine = false

    @Flag(help: "Only open records: opportunities not closed, activities not done, leads not converted or disqualified.")
    var open = false

    @Option(help: ArgumentHelp("Only records whose date falls in the period: this-quarter, next-quarter, this-month, 2026Q4, 2026-11.",
                               valueName: "period"))
    var period: String?

    @Flag(help: "Only records dated today (activities: today's plan).")
    var today = false

    @Option(help: ArgumentHelp("Accounts whose last visit is more than DAYS ago, or never.", valueName: "days"))
    var notVisited: Int?

    @Option(help: ArgumentHelp("Only records of this account (name or id).", valueName: "account"))
    var account: String?

    @Option(name: .customLong("where"), help: ArgumentHelp("FIELD=VALUE: the field's text equals VALUE (repeatable).", valueName: "field=value"))
    var conditions: [String] = []

    @Option(help: ArgumentHelp("Sort by this field (--sort=-amount or --desc for descending).", valueName: "field"))
    var sort: String?

    @Flag(help: "Sort descending.")
    var desc = false

    @Flag(help: "Show every cell in full instead of fitting the table to the terminal.")
    var wide = false

    @Option(help: "Rows per page.")
    var limit = 20

    @Option(help: "Which page (from 1).")
    var page = 1

    /// What `list` and `search` do: opens the replica `options` names, runs the query (on the
    /// records containing `text`, if given) and prints the page, as a table or as JSON.
    func printPage(_ listing: KindListing, from options: ReplicaOptions, json: Bool, matching text: String? = nil) throws {
        let directory = Directory(replica: try options.open())
        let (records, total) = try run(listing, directory, matching: text)
        try RecordTable.print(records, total: total, listing, directory, json: json, page: page, limit: limit, wide: wide)
    }

    /// The records of `listing.kind` that pass every filter, sorted, and the total before paging.
    func run(_ listing: KindListing, _ directory: Directory, matching text: String? = nil) throws -> (page: [LocalRecord], total: Int) {
        guard limit > 0, page > 0 else { throw ReplicaError(.invalid, "--limit and --page must be at least 1") }
        let kind = listing.kind
        var filters: [(LocalRecord) -> Bool] = []
        let field: (String) throws -> FieldID = { name in
            guard let id = kind.fieldID(named: name) else {
                throw ReplicaError(.invalid, "\(kind.name) has no field \"\(name)\"; fields: " + kind.fields.map(\.name).joined(separator: ", "))
            }
            return id
        }
        if mine {
            let owner = try field("owner_id")
            let me = FieldValue.bytes(RecordID(try directory.me().id).bytes)
            filters.append { $0.view.values[owner] == me }
        }
        if open {
            guard let rule = listing.open else { throw ReplicaError(.invalid, "\(listing.command) have no open or closed state") }
            filters.append { rule.isOpen($0.view.values, kind) }
        }
        if period != nil || today {
            guard let name = listing.dateField else { throw ReplicaError(.invalid, "\(listing.command) have no date to filter on") }
            let date = try field(name)
            let day = Today.day
            let chosen = try period.map(Today.period)
            filters.append { record in
                guard case .int(let days) = record.view.values[date] else { return false }
                let value = CalendarDay(daysSinceEpoch: Int(days))
                return (chosen?.contains(value) ?? true) && (!today || value == day)
            }
        }
        if let notVisited {
            let lastVisit = try field("last_visit")
            let cutoff = Int64(Today.day.daysSinceEpoch - notVisited)
            filters.append { record in
                guard case .int(let days) = record.view.values[lastVisit] else { return true }
                return days < cutoff
            }
        }
        if let account {
            let accountField = try field("account_id")
            let wanted = FieldValue.bytes(try directory.find(account, kind: .account).id.bytes)
            filters.append { $0.view.values[accountField] == wanted }
        }
        for condition in conditions {
            guard let equals = condition.firstIndex(of: "=") else { throw ReplicaError(.invalid, "--where takes FIELD=VALUE (got \"\(condition)\")") }
            let id = try field(String(condition[..<equals]))
            let wanted = String(condition[condition.index(after: equals)...]).lowercased()
            filters.append { record in
                let value = record.view.values[id] ?? .null
                return kind.text(of: value, field: id, in: record.view.values).lowercased() == wanted
                    || (try? directory.name(of: RecordID(bytes: Self.bytes(value)), kind: Self.referencedKind(kind, id)).lowercased()) == wanted
            }
        }
        if let text {
            let needle = text.lowercased()
            let strings = kind.fields.filter { $0.valueCase == .string }.map(\.id)
            filters.append { record in
                strings.contains { id in
                    if case .string(let value) = record.view.values[id] { return value.lowercased().contains(needle) }
                    return false
                }
            }
        }
        let sortName = sort.map { $0.hasPrefix("-") ? String($0.dropFirst()) : $0 } ?? listing.defaultSort
        let sortField = try field(sortName)
        let descending = desc || (sort?.hasPrefix("-") ?? false)
        let kept = try directory.records(kind).filter { record in filters.allSatisfy { $0(record) } }
        let sorted = kept.sorted { a, b in
            let order = Self.compare(a.view.values[sortField] ?? .null, b.view.values[sortField] ?? .null)
            if order != .orderedSame { return descending ? order == .orderedDescending : order == .orderedAscending }
            return a.id < b.id
        }
        let start = (page - 1) * limit
        return (start < sorted.count ? Array(sorted[start..<min(sorted.count, start + limit)]) : [], sorted.count)
    }

    /// Orders values of one field: numbers and amounts numerically, text by case-insensitive text, null last.
    static func compare(_ a: FieldValue, _ b: FieldValue) -> ComparisonResult {
        switch (a, b) {
        case (.null, .null): .orderedSame
        case (.null, _): .orderedDescending
        case (_, .null): .orderedAscending
        case let (.int(x), .int(y)): x == y ? .orderedSame : x < y ? .orderedAscending : .orderedDescending
        case let (.decimal(x, _), .decimal(y, _)): x == y ? .orderedSame : x < y ? .orderedAscending : .orderedDescending
        case let (.string(x), .string(y)): x.caseInsensitiveCompare(y)
        case let (.bool(x), .bool(y)): x == y ? .orderedSame : !x ? .orderedAscending : .orderedDescending
        default: .orderedSame
        }
    }

    static func bytes(_ value: FieldValue) -> [UInt8] {
        if case .bytes(let bytes) = value { return bytes }
        return []
    }

    /// The kind a reference field points to, by its name (`account_id` → account).
    static func referencedKind(_ kind: ReplicatedKind, _ field: FieldID) -> ReplicatedKind {
        let name = kind.fieldName(field) ?? ""
        switch name {
        case "owner_id", "manager_id", "user_id": return .user
        default: return ReplicatedKind(name: String(name.dropLast(3))) ?? kind
        }
    }
}
