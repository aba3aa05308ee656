/// How people name an enrolled device: its replica number (what conflicts record as
/// a value's writer), its user and its label, e.g. `device 3 (rep.medium, demo-handheld)`.
///
/// The hub publishes one for every enrolled device, so every replica can say who
/// wrote a value without asking the server.
public struct DeviceName: Hashable, Sendable, Codable, Identifiable {
    /// The device's id (the same as its ``Device``'s).
    public var id: DeviceID
    /// The replica number the device writes under.
    public var number: Int
    public var userID: UserID
    /// The label it was enrolled with, e.g. `ana-handheld`.
    public var label: String
    /// The most bytes of document content the device fetches per sync unless told
    /// otherwise (`outpost-server docs budget`); `nil`: no limit.
    public var documentBudget: Int?

    public init(id: DeviceID, number: Int, userID: UserID, label: String, documentBudget: Int? = nil) {
        self.id = id
        self.number = number
        self.userID = userID
        self.label = label
        self.documentBudget = documentBudget
    }

    /// `device 3 (rep.medium, demo-handheld)`, given the user's login name.
    public func described(user: String) -> String { Self.described(number: number, user: user, label: label) }

    /// `device 3 (rep.medium, demo-handheld)`: how every tool names a device.
    public static func described(number: Int, user: String, label: String) -> String { "device \(number) (\(user), \(label))" }
}
