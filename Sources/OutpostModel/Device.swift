public import Foundation

/// A handheld or laptop enrolled for one user; it holds a partial replica.
public struct Device: Hashable, Sendable, Codable, Identifiable {
    public var id: DeviceID
    public var userID: UserID
    /// A label for people, e.g. `ana-handheld`.
    public var label: String
    /// The device's long-term public key, set at enrolment.
    public var publicKey: [UInt8]?
    public var enrolledAt: Date?
    public var lastSyncAt: Date?
    /// Set when an admin revokes the device; its next sync is refused and wiped.
    public var revokedAt: Date?

    public init(id: DeviceID = DeviceID(), userID: UserID, label: String, publicKey: [UInt8]? = nil,
                enrolledAt: Date? = nil, lastSyncAt: Date? = nil, revokedAt: Date? = nil) {
        self.id = id
        self.userID = userID
        self.label = label
        self.publicKey = publicKey
        self.enrolledAt = enrolledAt
        self.lastSyncAt = lastSyncAt
        self.revokedAt = revokedAt
    }

    /// Whether the device may sync.
    public var isRevoked: Bool { revokedAt != nil }
}

/// A one-time enrolment code issued for a user; only its hash is stored.
public struct EnrolmentCode: Hashable, Sendable, Codable {
    /// The server's hash of the code (never the code itself).
    public var codeHash: String
    public var userID: UserID
    public var expiresAt: Date
    /// Set once the code has been used; a used code is refused.
    public var usedAt: Date?

    /// The key that seals the enrolment exchange, derived from the code like the hash
    /// (the code itself is never stored). The server's store keeps it only sealed under
    /// its key file, so a copy of the database alone cannot enrol a device.
    public var sealKey: [UInt8]?

    public init(codeHash: String, userID: UserID, expiresAt: Date, usedAt: Date? = nil, sealKey: [UInt8]? = nil) {
        self.sealKey = sealKey
        self.codeHash = codeHash
        self.userID = userID
        self.expiresAt = expiresAt
        self.usedAt = usedAt
    }
}
