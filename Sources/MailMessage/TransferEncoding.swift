/// A Content-Transfer-Encoding.
public enum TransferEncoding: Sendable, Hashable, CustomStringConvertible {
    case sevenBit, eightBit, binary, base64, quotedPrintable, uuencode
    case unknown(String)

    /// Reads a header value; a missing header means 7bit.
    public init(headerValue: String?) {
        guard let value = headerValue?.trimmingASCIIWhitespace().lowercased(), !value.isEmpty else {
            self = .sevenBit
            return
        }
        switch value {
        case "7bit": self = .sevenBit
        case "8bit": self = .eightBit
        case "binary": self = .binary
        case "base64": self = .base64
        case "quoted-printable": self = .quotedPrintable
        case "x-uuencode", "uuencode", "x-uue": self = .uuencode
        default: self = .unknown(value)
        }
    }

    /// Whether the body must be decoded (as opposed to used as it stands).
    public var isEncoding: Bool {
        switch self {
        case .base64, .quotedPrintable, .uuencode: return true
        default: return false
        }
    }

    public var description: String {
        switch self {
        case .sevenBit: return "7bit"
        case .eightBit: return "8bit"
        case .binary: return "binary"
        case .base64: return "base64"
        case .quotedPrintable: return "quoted-printable"
        case .uuencode: return "x-uuencode"
        case .unknown(let name): return name
        }
    }
}
