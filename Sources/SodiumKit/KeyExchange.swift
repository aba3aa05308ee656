import CSodium

extension KeyExchange {
    /// The two symmetric keys one side of a `crypto_kx` exchange derives.
    ///
    /// The client's `transmit` equals the server's `receive` and vice versa, and the
    /// two directions use different keys, so each key has exactly one sender.
    public struct SessionKeys: Sendable, Equatable {
        /// The key to open what the other side sends.
        public let receive: AEAD.Key
        /// The key to seal what this side sends.
        public let transmit: AEAD.Key
    }

    /// The device side's session keys (`crypto_kx_client_session_keys`).
    /// - Parameters:
    ///   - client: the device's long-term key pair.
    ///   - serverPublicKey: the server's long-term public key.
    /// - Throws: `SodiumError.keyExchangeFailed` when the server's public key is
    ///   unacceptable (e.g. a low-order point).
    public static func sessionKeys(client: KeyPair, serverPublicKey: PublicKey) throws(SodiumError) -> SessionKeys {
        try derive(client: true, own: client, peer: serverPublicKey)
    }

    /// The server side's session keys (`crypto_kx_server_session_keys`).
    /// - Parameters:
    ///   - server: the server's long-term key pair.
    ///   - clientPublicKey: the device's long-term public key.
    /// - Throws: `SodiumError.keyExchangeFailed` when the device's public key is
    ///   unacceptable (e.g. a low-order point).
    public static func sessionKeys(server: KeyPair, clientPublicKey: PublicKey) throws(SodiumError) -> SessionKeys {
        try derive(client: false, own: server, peer: clientPublicKey)
    }

    private static func derive(client: Bool, own: KeyPair, peer: PublicKey) throws(SodiumError) -> SessionKeys {
        try Sodium.ensureReady()
        let length = crypto_kx_sessionkeybytes()
        var rx = [UInt8](repeating: 0, count: length)
        var tx = [UInt8](repeating: 0, count: length)
        let status = rx.withUnsafeMutableBufferPointer { r in
            tx.withUnsafeMutableBufferPointer { t in
                own.publicKey.bytes.withUnsafeBufferPointer { pk in
                    own.secretKey.bytes.withUnsafeBufferPointer { sk in
                        peer.bytes.withUnsafeBufferPointer { other in
                            client
                                ? crypto_kx_client_session_keys(r.baseAddress!, t.baseAddress!, pk.baseAddress!, sk.baseAddress!, other.baseAddress!)
                                : crypto_kx_server_session_keys(r.baseAddress!, t.baseAddress!, pk.baseAddress!, sk.baseAddress!, other.baseAddress!)
                        }
                    }
                }
            }
        }
        guard status == 0 else {
            throw SodiumError(.keyExchangeFailed, "key exchange refused the peer's public key")
        }
        return SessionKeys(receive: try AEAD.Key(rx), transmit: try AEAD.Key(tx))
    }
}
