/// Where a clamd listens: a TCP host and port, or a unix socket path. Written in configuration
/// as "tcp://host:port", "host:port", "[v6]:port", "unix:/path" or "/path".
public enum ClamdAddress: Sendable, Hashable, CustomStringConvertible {
    case tcp(host: String, port: UInt16)
    case unix(path: String)

    /// clamd's own default TCP port (clamd.conf TCPSocket).
    public static let defaultPort: UInt16 = 3310

    public init(parsing text: String) throws(VirusScanError) {
        let trimmed = text.trimmingWhitespace
        if trimmed.hasPrefix("unix:") {
            let path = String(trimmed.dropFirst("unix:".count))
            guard path.hasPrefix("/") else { throw VirusScanError(.invalidSetting, "clamd address \(text): a unix socket path must be absolute") }
            self = .unix(path: path)
            return
        }
        if trimmed.hasPrefix("/") {
            self = .unix(path: trimmed)
            return
        }
        var rest = Substring(trimmed)
        if rest.hasPrefix("tcp://") { rest = rest.dropFirst("tcp://".count) }
        let host: Substring
        var portText: Substring?
        if rest.hasPrefix("[") {
            guard let close = rest.firstIndex(of: "]") else { throw VirusScanError(.invalidSetting, "clamd address \(text): missing ]") }
            host = rest[rest.index(after: rest.startIndex)..<close]
            let after = rest[rest.index(after: close)...]
            if after.hasPrefix(":") { portText = after.dropFirst() } else if !after.isEmpty {
                throw VirusScanError(.invalidSetting, "clamd address \(text): unexpected \(after)")
            }
        } else if let colon = rest.lastIndex(of: ":") {
            host = rest[..<colon]
            portText = rest[rest.index(after: colon)...]
        } else {
            host = rest
        }
        guard !host.isEmpty else { throw VirusScanError(.invalidSetting, "clamd address \(text): no host") }
        var port = Self.defaultPort
        if let portText {
            guard let number = UInt16(portText), number > 0 else { throw VirusScanError(.invalidSetting, "clamd address \(text): bad port \(portText)") }
            port = number
        }
        self = .tcp(host: String(host), port: port)
    }

    public var description: String {
        switch self {
        case .tcp(let host, let port): host.contains(":") ? "tcp://[\(host)]:\(port)" : "tcp://\(host):\(port)"
        case .unix(let path): "unix:\(path)"
        }
    }
}

extension String {
    fileprivate var trimmingWhitespace: String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
