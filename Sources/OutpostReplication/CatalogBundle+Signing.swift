import ByteCoding
import MergeEngine
import StateCoding
public import OutpostModel
public import SodiumKit

/// Why a catalog bundle does not vouch for the records a device holds; the message
/// names the record or check, for logs.
public typealias CatalogBundleError = CodedError<CatalogBundleErrorCode>

/// What failed.
public enum CatalogBundleErrorCode: String, Sendable, Hashable {
    /// The product has no signed bundle (yet): sync again.
    case missing
    /// The signature does not verify with the server's signing key.
    case badSignature
    /// Records differ from, lack or are not among the signed members.
    case mismatch
}

extension CatalogBundle {
    /// The records a product's bundle covers: the product, its options, its
    /// configurator model and every price book with an entry for it.
    public static func members(of product: Product, options: [ProductOption], models: [ConfiguratorModel],
                               priceBooks: [PriceBook]) -> [any ReplicatedRecord] {
        var members: [any ReplicatedRecord] = [product]
        members += options.filter { $0.productID == product.id } as [any ReplicatedRecord]
        members += models.filter { $0.productID == product.id } as [any ReplicatedRecord]
        members += priceBooks.filter { $0.entries[product.id] != nil } as [any ReplicatedRecord]
        return members
    }

    /// The canonical bytes of a record: its kind, its record id, then each non-null
    /// field in id order as (field id, its value tagged as a state holds it). The same
    /// record gives the same bytes on the server and on every device.
    public static func canonicalBytes<Record: ReplicatedRecord>(of record: Record) -> [UInt8] {
        var writer = ByteWriter()
        writer.varint(Int(Record.kind.rawValue))
        writer.raw(record.recordID.bytes)
        // The non-null values in field id order (the schema's), each as a state holds it (SPEC.md §3).
        for spec in Record.schema.specs {
            let value = spec.encode(record)
            guard value != .null else { continue }
            writer.varint(Int(spec.descriptor.id.rawValue))
            ValueCodec.write(value, to: &writer)
        }
        return writer.bytes
    }

    /// The BLAKE2b-256 digest of `members`: over each member in ascending record-id
    /// order, its record id and the BLAKE2b-256 of its ``canonicalBytes(of:)``. Any
    /// member added, removed or changed changes it.
    public static func membersDigest(of members: [any ReplicatedRecord]) -> [UInt8] {
        var writer = ByteWriter()
        for member in members.sorted(by: { $0.recordID < $1.recordID }) {
            writer.raw(member.recordID.bytes)
            // A 32-byte unkeyed BLAKE2b is within libsodium's limits: it cannot fail.
            writer.raw(try! GenericHash.hash(canonicalBytes(of: member)))
        }
        return try! GenericHash.hash(writer.bytes)
    }

    /// The bytes the signature covers: a domain label, the product id, the version,
    /// the member count and the members' digest.
    public var signedMessage: [UInt8] {
        var writer = ByteWriter()
        writer.string("outpost catalog bundle v2")
        writer.id(productID)
        writer.signed(Int64(version))
        writer.varint(memberCount)
        writer.raw(membersDigest)
        return writer.bytes
    }

    /// The bundle of `members` for `productID` at `version`, signed with `key`.
    public static func signed(productID: ProductID, version: Int, members: [any ReplicatedRecord],
                              key: SigningKeyPair) -> CatalogBundle {
        var bundle = CatalogBundle(productID: productID, version: version, memberCount: members.count,
                                   membersDigest: membersDigest(of: members), signature: [])
        bundle.signature = key.sign(bundle.signedMessage)
        return bundle
    }

    /// Checks that the server signed this bundle and that `members` are exactly the
    /// records it vouches for, unchanged.
    /// - Throws: `.badSignature`, or `.mismatch` saying whether records are missing,
    ///   extra or changed.
    public func verify(_ members: [any ReplicatedRecord], publicKey: Signing.PublicKey) throws(CatalogBundleError) {
        guard Signing.verify(signature: signature, message: signedMessage, publicKey: publicKey) else {
            throw CatalogBundleError(.badSignature, "the bundle of product \(productID) is not signed by this server's key")
        }
        if members.count < memberCount {
            throw CatalogBundleError(.mismatch, "\(memberCount - members.count) of the \(memberCount) records of the signed bundle of product \(productID) are missing")
        }
        if members.count > memberCount {
            throw CatalogBundleError(.mismatch, "\(members.count - memberCount) records are not in the signed bundle of product \(productID)")
        }
        guard Self.membersDigest(of: members) == membersDigest else {
            throw CatalogBundleError(.mismatch, "the records of product \(productID) differ from what the server signed")
        }
    }
}
