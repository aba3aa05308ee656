import DocumentContent
import PropertyBased
import SeededRandom
import Testing

/// Random bytes of `count` from `seed`.
func randomBytes(_ count: Int, seed: UInt64) -> [UInt8] {
    var rng = SplitMix(seed: seed)
    var bytes: [UInt8] = []
    bytes.reserveCapacity(count + 8)
    while bytes.count < count {
        withUnsafeBytes(of: rng.next()) { bytes += $0 }
    }
    return Array(bytes.prefix(count))
}

@Suite("Content-defined chunking of documents")
struct ChunkingProperties {
    let chunker = ContentChunker.standard

    @Test("Chunks cover the document exactly, each between the minimum and maximum size but the last")
    func chunkBounds() async {
        await propertyCheck(count: 60, input: Gen.int(in: 0...400_000), Gen.uint64()) { size, seed in
            let lengths = chunker.chunkLengths(of: randomBytes(size, seed: seed))
            #expect(lengths.reduce(0, +) == size)
            #expect(lengths.allSatisfy { $0 > 0 && $0 <= chunker.maximumSize })
            #expect(lengths.dropLast().allSatisfy { $0 >= chunker.minimumSize })
        }
    }

    @Test("A document's chunks reassemble to it; a missing or altered chunk is named, never returned")
    func reassembly() async throws {
        await propertyCheck(count: 30, input: Gen.int(in: 1...200_000), Gen.uint64()) { size, seed in
            let content = randomBytes(size, seed: seed)
            let manifest = try DocumentManifest(content: content)
            var store: [ContentID: [UInt8]] = [:]
            for (reference, bytes) in manifest.split(content) { store[reference.id] = Array(bytes) }
            #expect(try manifest.reassemble(from: store) == content)
            #expect(manifest.size == size)

            let victim = manifest.chunks[Int(seed % UInt64(manifest.chunks.count))].id
            var altered = store
            altered[victim]?[0] ^= 0xFF
            #expect(throws: DocumentContentError(.altered, "chunk \(victim) does not match its id; it will be fetched again")) {
                try manifest.reassemble(from: altered)
            }
            store[victim] = nil
            #expect(throws: DocumentContentError(.missingChunk, "chunk \(victim) is not here yet; sync to fetch it")) {
                try manifest.reassemble(from: store)
            }
        }
    }

    @Test("An edit leaves every chunk before it unchanged, so only what follows it can be sent again")
    func editLocality() async throws {
        await propertyCheck(count: 40, input: Gen.int(in: 20_000...300_000), Gen.uint64()) { size, seed in
            let original = randomBytes(size, seed: seed)
            var rng = SplitMix(seed: seed ^ 0xED17)
            let at = rng.below(size)
            var edited = original
            edited.insert(contentsOf: randomBytes(1 + rng.below(500), seed: seed &+ 1), at: at)
            let before = try DocumentManifest(content: original).chunks
            let after = try DocumentManifest(content: edited).chunks
            var offset = 0
            for (old, new) in zip(before, after) {
                guard offset + old.length < at else { break }
                #expect(old == new, "a chunk wholly before the edit changed")
                offset += old.length
            }
        }
    }

    @Test("Inserting 100 bytes in the middle of a 1 MiB price list changes at most 2 of its chunks")
    func middleEdit() throws {
        let original = randomBytes(1 << 20, seed: 2026)
        var edited = original
        edited.insert(contentsOf: Array(repeating: 0x41, count: 100), at: 1 << 19)
        let before = Set(try DocumentManifest(content: original).chunks.map(\.id))
        let after = try DocumentManifest(content: edited).chunks
        let fresh = after.filter { !before.contains($0.id) }
        #expect(before.count > 30)
        #expect(fresh.count <= 2, "\(fresh.count) of \(after.count) chunks changed")
    }
}

@Suite("Sending documents within a byte budget")
struct TransferPlanProperties {
    @Test("A plan never exceeds its budget, sends no chunk the receiver holds or twice, and budgets of a maximum chunk each finish the transfer")
    func budgets() async throws {
        await propertyCheck(count: 25, input: Gen.int(in: 1...4), Gen.int(in: 64_000...300_000), Gen.uint64()) { count, budget, seed in
            let shared = randomBytes(100_000, seed: seed)
            let documents = try (0..<count).map { n in
                try DocumentManifest(content: randomBytes(50_000 * n, seed: seed &+ UInt64(n)) + shared)
            }
            var held: Set<ContentID> = []
            var rounds = 0
            let total = TransferPlan.remaining(for: documents, held: held)
            var sent = 0
            while TransferPlan.remaining(for: documents, held: held) > 0 {
                let plan = TransferPlan.next(for: documents, held: held, budget: budget)
                #expect(plan.bytes <= budget && plan.bytes == plan.chunks.reduce(0) { $0 + $1.length })
                #expect(!plan.chunks.isEmpty, "a budget of at least one maximum chunk always makes progress")
                #expect(Set(plan.chunks.map(\.id)).count == plan.chunks.count && plan.chunks.allSatisfy { !held.contains($0.id) })
                held.formUnion(plan.chunks.map(\.id))
                sent += plan.bytes
                rounds += 1
                if rounds > 100 { break }
            }
            #expect(sent == total, "every byte is sent once")
            let unique = Set(documents.flatMap { $0.chunks.map(\.id) })
            #expect(held == unique)
        }
    }
}
