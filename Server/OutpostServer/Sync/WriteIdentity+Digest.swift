import ByteCoding
import HubCore
import MergeEngine
import OutpostProtocol
import SodiumKit

extension WriteIdentity {
    /// The identity of `write`: a 16-byte BLAKE2b digest of its request encoding
    /// (SPEC.md §5.2), which covers its counter, record, operation, context, time and values.
    init(of write: Write) throws(SodiumError) {
        var writer = ByteWriter()
        WriteCodec.write([write], hub: ReplicaID.hub, to: &writer)
        self.init(digest: try GenericHash.hash(writer.bytes, outputLength: 16))
    }
}
