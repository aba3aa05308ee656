import MergeEngine
import OutpostModel

// Field ids are stable wire identifiers: never renumber or reuse them (see FieldSpec).

extension Territory: ReplicatedRecord {
    /// Global and read-only on devices.
    public static let schema = RecordSchema<Territory>(
        kind: .territory,
        fields: [
            .required(1, "name", \.name, .string),
            .optional(2, "parent_id", \.parentID, .reference()),
        ],
        route: { _ in .global },
        blank: { Territory(id: $0, name: "") })
}

extension User: ReplicatedRecord {
    /// Global and read-only on devices.
    public static let schema = RecordSchema<User>(
        kind: .user,
        fields: [
            .required(1, "name", \.name, .string),
            .required(2, "display_name", \.displayName, .string),
            .required(3, "role", \.role, .enumeration()),
            .required(4, "territory_ids", \.territoryIDs, .bytes(.ids())),
        ],
        route: { _ in .global },
        blank: { User(id: $0, name: "", displayName: "", role: .rep) })
}

extension DeviceName: ReplicatedRecord {
    /// Global and read-only on devices: the hub writes one per enrolled device.
    public static let schema = RecordSchema<DeviceName>(
        kind: .device,
        fields: [
            .required(1, "number", \.number, .int),
            .required(2, "user_id", \.userID, .reference()),
            .required(3, "label", \.label, .string),
            .optional(4, "document_budget", \.documentBudget, .int),
        ],
        route: { _ in .global },
        blank: { DeviceName(id: $0, number: 0, userID: .placeholder, label: "") })
}
