internal import NIOCore
internal import NIOPosix
internal import Glibc

/// Connects to `127.0.0.1:port`, sends `bytes` (a partial frame, say) and waits until
/// the server closes the connection; returns what the server sent meanwhile.
///
/// For server behaviour a well-behaved client never shows: stalls, garbage, half requests.
public func sendAndWaitForClose(to port: Int, _ bytes: [UInt8]) async throws -> [UInt8] {
    let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
        .connect(host: "127.0.0.1", port: port) { channel in
            channel.eventLoop.makeCompletedFuture {
                try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
            }
        }
    return try await channel.executeThenClose { inbound, outbound in
        do {
            try await outbound.write(ByteBuffer(bytes: bytes))
        } catch ChannelError.ioOnClosedChannel {
            // On a loaded machine a server with a short timeout may close before the
            // write is flushed: the server closed, which is what this peer waits for.
        } catch let error as IOError where error.errnoCode == EPIPE || error.errnoCode == ECONNRESET {
            // The same close, seen by the kernel first.
        }
        var received: [UInt8] = []
        do {
            for try await buffer in inbound {
                received += Array(buffer: buffer)
            }
        } catch let error as IOError where error.errnoCode == ECONNRESET {
            // A server that closes before reading everything sent makes the kernel
            // reset the connection: for this peer that is a close too.
        }
        return received
    }
}
