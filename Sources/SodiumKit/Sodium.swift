import CSodium

/// libsodium, initialised once per process before first use.
///
/// Swift initialises globals lazily and exactly once, even across threads, so
/// every entry point of SodiumKit checks `Sodium.ready` and never calls
/// `sodium_init` twice.
public enum Sodium {
    private static let initResult: Int32 = sodium_init()

    /// Makes sure libsodium is initialised.
    /// - Throws: `SodiumError.unavailable` when it could not be.
    public static func ensureReady() throws(SodiumError) {
        guard initResult >= 0 else {
            throw SodiumError(.unavailable, "libsodium could not be initialised (sodium_init returned \(initResult)); check that libsodium23 is installed")
        }
    }

    /// The libsodium version string, e.g. `1.0.18`.
    public static var version: String { String(cString: sodium_version_string()) }
}
