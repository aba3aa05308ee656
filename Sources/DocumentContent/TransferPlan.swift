/// Which chunks to send next within a byte budget: chunks the receiver lacks, in the
/// order of `documents` (pinned ones first, as the caller orders them), each once
/// however many documents share it, never more bytes than the budget. A transfer cut
/// part-way resumes from the chunks the receiver then holds.
public enum TransferPlan {
    /// The chunks to send, in order, and the bytes they add up to.
    public static func next(for documents: [DocumentManifest], held: Set<ContentID>, budget: Int)
        -> (chunks: [ChunkReference], bytes: Int)
    {
        var planned: [ChunkReference] = []
        var taken = held
        var bytes = 0
        for document in documents {
            for chunk in document.chunks where !taken.contains(chunk.id) {
                guard bytes + chunk.length <= budget else { return (planned, bytes) }
                taken.insert(chunk.id)
                planned.append(chunk)
                bytes += chunk.length
            }
        }
        return (planned, bytes)
    }

    /// The bytes still to fetch for `documents` given the chunks `held`.
    public static func remaining(for documents: [DocumentManifest], held: Set<ContentID>) -> Int {
        next(for: documents, held: held, budget: .max).bytes
    }
}
