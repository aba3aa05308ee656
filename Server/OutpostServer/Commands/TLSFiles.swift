import NIOSSL

/// The TLS configuration of `serve --tls-cert FILE --tls-key FILE`, checked before the
/// server starts so a bad file is a one-line error, not a failed connection later.
enum TLSFiles {
    /// A server configuration with the PEM certificate chain in `certificate` and the
    /// PEM private key in `key`.
    /// - Throws: ``CommandError`` naming the file that cannot be used.
    static func configuration(certificate: String, key: String) throws -> TLSConfiguration {
        let chain: [NIOSSLCertificate]
        do { chain = try NIOSSLCertificate.fromPEMFile(certificate) } catch {
            throw CommandError("cannot read the TLS certificate \(certificate) (a PEM file is expected): \(error)")
        }
        guard !chain.isEmpty else { throw CommandError("\(certificate) holds no PEM certificate") }
        let privateKey: NIOSSLPrivateKey
        do { privateKey = try NIOSSLPrivateKey(file: key, format: .pem) } catch {
            throw CommandError("cannot read the TLS key \(key) (a PEM private key is expected): \(error)")
        }
        let configuration = TLSConfiguration.makeServerConfiguration(certificateChain: chain.map { .certificate($0) },
                                                                     privateKey: .privateKey(privateKey))
        do { _ = try NIOSSLContext(configuration: configuration) } catch {
            throw CommandError("the TLS certificate \(certificate) and key \(key) cannot be used together: \(error)")
        }
        return configuration
    }
}
