/// The line ending a message uses, decided from its header section.
public enum LineEnding: Sendable, Hashable {
    case crlf, lf, cr

    public var bytes: [UInt8] {
        switch self {
        case .crlf: return [0x0D, 0x0A]
        case .lf: return [0x0A]
        case .cr: return [0x0D]
        }
    }
}
