import ByteCoding

/// What a device sends to enrol (SPEC.md §6), sealed under the enrolment code's key.
public struct EnrolmentRequest: Hashable, Sendable {
    /// The device's X25519 public key (32 bytes).
    public var publicKey: [UInt8]
    /// A label for the admin's device list (e.g. the host name).
    public var label: String

    /// Creates a request.
    public init(publicKey: [UInt8], label: String) {
        self.publicKey = publicKey
        self.label = label
    }

    /// The plaintext bytes.
    public func encoded() -> [UInt8] {
        var writer = ByteWriter()
        writer.raw(publicKey)
        writer.string(label)
        return writer.bytes
    }

    /// Decodes a request.
    public init(decoding bytes: [UInt8]) throws(ProtocolError) {
        var reader = ByteReader<ProtocolError>(bytes)
        let key = try reader.raw(32)
        let label = try reader.string()
        try reader.expectEnd(of: "enrolment request")
        guard label.count <= 120 else { throw ProtocolError(.malformed, "device label is longer than 120 characters") }
        self.init(publicKey: key, label: label)
    }
}

/// The server's answer to an enrolment, sealed under the enrolment code's key.
public struct EnrolmentResponse: Hashable, Sendable {
    /// The device's replica number: its id in every sync request and in the merge engine.
    public var deviceNumber: UInt32
    /// The server's X25519 public key (32 bytes).
    public var serverPublicKey: [UInt8]
    /// The server's Ed25519 catalog-signing public key (32 bytes): the device accepts
    /// only catalog bundles it signed.
    public var serverSigningKey: [UInt8]
    /// The enrolled user's login name.
    public var userName: String
    /// The user's role (`rep`, `manager`, `desk`, `admin`).
    public var role: String
    /// The names of the territories the device will hold.
    public var territories: [String]
    /// The server's native TCP sync port (0 when it offers HTTP only).
    public var syncPort: UInt16

    /// Creates a response.
    public init(deviceNumber: UInt32, serverPublicKey: [UInt8], serverSigningKey: [UInt8], userName: String, role: String,
                territories: [String], syncPort: UInt16) {
        self.deviceNumber = deviceNumber
        self.serverPublicKey = serverPublicKey
        self.serverSigningKey = serverSigningKey
        self.userName = userName
        self.role = role
        self.territories = territories
        self.syncPort = syncPort
    }

    /// The plaintext bytes.
    public func encoded() -> [UInt8] {
        var writer = ByteWriter()
        writer.varint(UInt64(deviceNumber))
        writer.raw(serverPublicKey)
        writer.raw(serverSigningKey)
        writer.string(userName)
        writer.string(role)
        writer.varint(territories.count)
        for name in territories { writer.string(name) }
        writer.varint(UInt64(syncPort))
        return writer.bytes
    }

    /// Decodes a response.
    public init(decoding bytes: [UInt8]) throws(ProtocolError) {
        var reader = ByteReader<ProtocolError>(bytes)
        let number = try reader.varint()
        guard number > 0, number <= UInt64(UInt32.max) else { throw ProtocolError(.malformed, "device number \(number) is out of range") }
        let key = try reader.raw(32)
        let signingKey = try reader.raw(32)
        let user = try reader.string()
        let role = try reader.string()
        let count = try reader.count(max: reader.remaining, of: "territory count")
        var territories: [String] = []
        for _ in 0..<count { territories.append(try reader.string()) }
        let port = try reader.varint()
        guard port <= UInt64(UInt16.max) else { throw ProtocolError(.malformed, "sync port \(port) is out of range") }
        try reader.expectEnd(of: "enrolment response")
        self.init(deviceNumber: UInt32(number), serverPublicKey: key, serverSigningKey: signingKey, userName: user, role: role,
                  territories: territories, syncPort: UInt16(port))
    }
}
