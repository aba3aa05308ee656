import CLZMA

extension LZMA {
    /// The largest output chunk ``inflate(_:input:action:limit:)`` asks liblzma to fill at once.
    private static let largestChunk = 1 << 20

    /// Runs `stream` over all of `input` with `action`, gathering the output in chunks
    /// that grow as it does, and stops as soon as it passes `limit` bytes. A small
    /// message so costs a small buffer instead of `limit` bytes zero-filled up front
    /// (4 MiB per request and per response frame before).
    /// - Returns: liblzma's last status and the output (longer than `limit` when it
    ///   would exceed it: the caller refuses it).
    static func inflate(_ stream: inout lzma_stream, input: [UInt8], action: lzma_action, limit: Int) -> (status: lzma_ret, output: [UInt8]) {
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: min(limit + 1, max(4096, input.count * 8)))
        var status = LZMA_OK
        input.withUnsafeBufferPointer { bytes in
            stream.next_in = bytes.baseAddress
            stream.avail_in = bytes.count
            defer { stream.next_in = nil; stream.next_out = nil }
            while true {
                let filled = buffer.withUnsafeMutableBufferPointer { out -> Bool in
                    stream.next_out = out.baseAddress
                    stream.avail_out = out.count
                    status = lzma_code(&stream, action)
                    output.append(contentsOf: out[..<(out.count - stream.avail_out)])
                    return stream.avail_out == 0
                }
                // Done (the end, an error, or all input taken with room to spare), or past the limit.
                guard status == LZMA_OK, output.count <= limit, filled || stream.avail_in > 0 else { return }
                if buffer.count < largestChunk { buffer = [UInt8](repeating: 0, count: min(buffer.count * 2, largestChunk)) }
            }
        }
        return (status, output)
    }
}
