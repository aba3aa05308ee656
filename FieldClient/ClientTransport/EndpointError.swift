/// Why a text is not a ``SyncEndpoint``; each message shows the accepted forms.
public enum EndpointError: Error, Equatable, CustomStringConvertible {
    /// No `scheme://` at the start.
    case missingScheme(String)
    /// A scheme other than `tcp` or `http` (`https` included: TLS is not spoken here).
    case unsupportedScheme(String, in: String)
    /// Nothing between `://` and the port or path.
    case missingHost(String)
    /// A `tcp://` endpoint without `:PORT`.
    case missingPort(String)
    /// A port that is not a number from 1 to 65535.
    case invalidPort(String, in: String)
    /// A path after a `tcp://` endpoint.
    case unexpectedPath(String)
    /// `user@` in the authority.
    case unexpectedUserInfo(String)
    /// A `#fragment` in an `http://` endpoint.
    case unexpectedFragment(String)

    public var description: String {
        let forms = "use tcp://HOST:PORT or http://HOST:PORT/PATH"
        return switch self {
        case .missingScheme(let text): "'\(text)' has no scheme; \(forms)"
        case .unsupportedScheme(let scheme, let text): "'\(text)': scheme '\(scheme)' is not supported; \(forms)"
        case .missingHost(let text): "'\(text)' names no host; \(forms)"
        case .missingPort(let text): "'\(text)' names no port; \(forms)"
        case .invalidPort(let port, let text): "'\(text)': port '\(port)' is not a number from 1 to 65535"
        case .unexpectedPath(let text): "'\(text)': a tcp endpoint takes no path; \(forms)"
        case .unexpectedUserInfo(let text): "'\(text)': user names in endpoints are not supported; \(forms)"
        case .unexpectedFragment(let text): "'\(text)': a #fragment is not allowed in an endpoint; \(forms)"
        }
    }
}
