import ByteCoding
import MergeEngine
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
    /// A record differs from, lacks or is not in the signed digests.
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
    /// field in id order as (field id, length-prefixed text form). The same record
    /// gives the same bytes on the server and on every device.
    public static func canonicalBytes(of record: some ReplicatedRecord) -> [UInt8] {
        var writer = ByteWriter()
        let kind = type(of: record).kind
        let fields = record.fields
        writer.varint(Int(kind.rawValue))
        writer.raw(record.recordID.bytes)
        for field in fields.keys.sorted(by: { $0.rawValue < $1.rawValue }) where fields[field] != .null {
            writer.varint(Int(field.rawValue))
            writer.string(kind.text(of: fields[field]!, field: field, in: fields))
        }
        return writer.bytes
    }

    /// The digest of each record, by record id (BLAKE2b-256 of ``canonicalBytes(of:)``).
    public static func digests(of members: [any ReplicatedRecord]) -> [RecordID: [UInt8]] {
        var digests: [RecordID: [UInt8]] = [:]
        for member in members {
            // A 32-byte unkeyed BLAKE2b is within libsodium's limits: it cannot fail.
            digests[member.recordID] = try! GenericHash.hash(canonicalBytes(of: member))
        }
        return digests
    }

    /// The bytes the signature covers: a domain label, the product id, the version
    /// and the digests' layout.
    public var signedMessage: [UInt8] {
        var writer = ByteWriter()
        writer.string("outpost catalog bundle v1")
        writer.id(productID)
        writer.signed(Int64(version))
        ByteLayout.digests.write(digests, &writer)
        return writer.bytes
    }

    /// The bundle of `members` for `productID` at `version`, signed with `key`.
    public static func signed(productID: ProductID, version: Int, members: [any ReplicatedRecord],
                              key: SigningKeyPair) -> CatalogBundle {
        var bundle = CatalogBundle(productID: productID, version: version, digests: digests(of: members), signature: [])
        bundle.signature = key.sign(bundle.signedMessage)
        return bundle
    }

    /// Checks that the server signed this bundle and that `members` are exactly the
    /// records it vouches for, unchanged.
    /// - Throws: `.badSignature` or `.mismatch` naming the first differing record.
    public func verify(_ members: [any ReplicatedRecord], publicKey: Signing.PublicKey) throws(CatalogBundleError) {
        guard Signing.verify(signature: signature, message: signedMessage, publicKey: publicKey) else {
            throw CatalogBundleError(.badSignature, "the bundle of product \(productID) is not signed by this server's key")
        }
        let held = Self.digests(of: members)
        for (id, digest) in held where digests[id] != digest {
            throw CatalogBundleError(.mismatch, digests[id] == nil
                ? "record \(id) is not in the signed bundle of product \(productID)"
                : "record \(id) differs from what the server signed")
        }
        if let absent = digests.keys.sorted().first(where: { held[$0] == nil }) {
            throw CatalogBundleError(.mismatch, "record \(absent) of the signed bundle of product \(productID) is missing")
        }
    }
}
