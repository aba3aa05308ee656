import MergeEngine
public import OutpostModel

/// The server's signed manifest of one product's catalog records (kind 16): how many
/// records it covers (the product, each of its options, its configurator model and
/// each price book that prices it) and one BLAKE2b digest over all of them, under a
/// bundle version, signed with the server's Ed25519 key. A device prices only with
/// records its bundle vouches for (see ``verify(_:publicKey:)``), recomputing the
/// digest from the records it holds; the bundle stays ~120 bytes however many options
/// the product has.
public struct CatalogBundle: Hashable, Sendable {
    /// The product the bundle covers.
    public var productID: ProductID
    /// The bundle version: the hub's change-sequence value when the server signed it,
    /// so it only grows.
    public var version: Int
    /// How many records the bundle vouches for.
    public var memberCount: Int
    /// The 32-byte BLAKE2b digest of the members (see ``membersDigest(of:)``).
    public var membersDigest: [UInt8]
    /// The Ed25519 signature of ``signedMessage``.
    public var signature: [UInt8]

    /// Creates a bundle; use ``signed(productID:version:members:key:)`` to make a valid one.
    public init(productID: ProductID, version: Int, memberCount: Int, membersDigest: [UInt8], signature: [UInt8]) {
        self.productID = productID
        self.version = version
        self.memberCount = memberCount
        self.membersDigest = membersDigest
        self.signature = signature
    }

    /// The record id of a product's bundle: the product's 16 UUID bytes with byte 8
    /// XOR `0x40`. Like the configurator model's rule (XOR `0x60`) it turns the RFC 4122
    /// variant bits `10` into `11`, so it equals neither a generated UUID nor the model's id.
    public static func recordID(forProduct productID: ProductID) -> RecordID {
        let id = RecordID(productID)
        return RecordID(high: id.high, low: id.low ^ 0x4000_0000_0000_0000)
    }
}

// Field ids are stable wire identifiers: never renumber or reuse them (see FieldSpec).
// Field 3 (`digests`, one digest per member) is retired: bundles carry one digest now.

extension CatalogBundle: ReplicatedRecord {
    /// Global and read-only on devices; only the server signs bundles.
    public static let schema = RecordSchema<CatalogBundle>(
        kind: .catalogBundle,
        fields: [
            .required(1, "product_id", \.productID, .reference()),
            .required(2, "version", \.version, .int),
            .required(4, "signature", \.signature, .bytes(.signature)),
            .required(5, "member_count", \.memberCount, .int),
            .required(6, "members_digest", \.membersDigest, .bytes(.digest)),
        ],
        retired: [3],
        recordID: { recordID(forProduct: $0.productID) },
        route: { _ in .global },
        blank: { _ in CatalogBundle(productID: .placeholder, version: 0, memberCount: 0, membersDigest: [], signature: []) })
}
