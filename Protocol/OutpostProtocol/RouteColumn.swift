import ByteCoding
import MergeEngine

/// The routes of one batch section (SPEC.md §4.3): a rule that most of its records
/// follow, the route being a field the record already carries (an account's
/// territory, a contact's account), then the records that do not follow it. Routes
/// thus cost a few bytes per section, not 17 bytes per record.
enum RouteColumn {
    /// A section's rule: every record global, or routed to the territory or parent
    /// record that the winning value of `field` names.
    struct Rule: Hashable {
        /// The route tag the rule gives (``FrameRoute``'s wire tag).
        var tag: UInt8
        /// The field holding the named id (absent for tag 0).
        var field: FieldID?

        static let global = Rule(tag: 0, field: nil)

        /// The route `state` has under this rule, if its field names an id.
        func route(of state: RecordState) -> FrameRoute? {
            guard let field else { return .global }
            guard case .bytes(let bytes)? = state.siblings(of: field).last?.value, let id = try? RecordID(bytes: bytes) else {
                return nil
            }
            return FrameRoute(tag: tag, target: id)
        }

        /// Orders candidates so the writer's choice is deterministic.
        var sortKey: (UInt8, UInt16) { (tag, field?.rawValue ?? 0) }
    }

    /// Appends the routes of `records`.
    static func write(_ records: [FrameRecord], to writer: inout ByteWriter) {
        let rule = bestRule(for: records)
        writer.byte(rule.tag)
        if let field = rule.field { writer.varint(UInt64(field.rawValue)) }
        let exceptions = records.indices.filter { rule.route(of: records[$0].state) != records[$0].route }
        writer.varint(exceptions.count)
        var previous = 0
        for index in exceptions {
            writer.varint(index - previous)
            previous = index
            let route = records[index].route
            writer.byte(route.tag)
            if let target = route.target { writer.recordID(target) }
        }
    }

    /// Reads the routes of `states`, one section's records.
    static func read(for states: ArraySlice<RecordState>, from reader: inout ByteReader<ProtocolError>) throws(ProtocolError) -> [FrameRoute] {
        let tag = try reader.byte()
        let rule: Rule
        switch tag {
        case 0: rule = .global
        case 1, 2:
            let field = try reader.varint()
            guard field <= UInt64(UInt16.max) else { throw ProtocolError(.malformed, "route field \(field) is out of range") }
            rule = Rule(tag: tag, field: FieldID(UInt16(field)))
        default: throw ProtocolError(.malformed, "route rule \(tag) at byte \(reader.offset - 1) is unknown")
        }
        var routes: [FrameRoute?] = states.map(rule.route(of:))
        let count = try reader.count(max: states.count, of: "route exception count")
        var index = 0
        for position in 0..<count {
            let delta = try reader.varint()
            guard position == 0 || delta > 0, delta < UInt64(states.count), index + Int(delta) < states.count else {
                throw ProtocolError(.malformed, "route exceptions at byte \(reader.offset) must name ascending records of the section")
            }
            index += Int(delta)
            let routeTag = try reader.byte()
            let target = routeTag == 0 ? nil : try reader.recordID()
            guard let route = FrameRoute(tag: routeTag, target: target) else {
                throw ProtocolError(.malformed, "route \(routeTag) at byte \(reader.offset) is unknown")
            }
            routes[index] = route
        }
        return try routes.enumerated().map { (index, route) throws(ProtocolError) in
            guard let route else {
                throw ProtocolError(.malformed, "record \(states[states.startIndex + index].id) has no id in its route field and no route of its own")
            }
            return route
        }
    }

    /// The rule most records follow (a global section's is ``Rule/global``).
    static func bestRule(for records: [FrameRecord]) -> Rule {
        var votes: [Rule: Int] = [:]
        for record in records {
            guard let target = record.route.target else {
                votes[.global, default: 0] += 1
                continue
            }
            for slot in record.state.fields {
                if case .bytes(let bytes)? = slot.siblings.last?.value, bytes == target.bytes {
                    votes[Rule(tag: record.route.tag, field: slot.id), default: 0] += 1
                }
            }
        }
        return votes.max { left, right in
            left.value != right.value ? left.value < right.value : left.key.sortKey > right.key.sortKey
        }?.key ?? .global
    }
}
