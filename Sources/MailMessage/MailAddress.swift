/// One mailbox from an address header.
public struct MailAddress: Sendable, Hashable, CustomStringConvertible {
    public let displayName: String?
    /// The local part without the quotes and backslashes of a quoted string (`"john doe"` is
    /// `john doe`); `quotedLocalPart` gives it back in address form.
    public let localPart: String
    /// The domain as written (lower-cased); empty for a bare local part.
    public let domain: String
    /// The group the address was listed in ("undisclosed-recipients: ;" style), if any.
    public let group: String?

    public init(displayName: String?, localPart: String, domain: String, group: String? = nil) {
        self.displayName = displayName
        self.localPart = localPart
        self.domain = domain
        self.group = group
    }

    /// local@domain, or the local part alone when there is no domain. The local part is quoted
    /// when it needs to be (`"john doe"@example.com`).
    public var address: String { domain.isEmpty ? quotedLocalPart : "\(quotedLocalPart)@\(domain)" }
    public var description: String { address }

    /// The local part as it is written in an address: as is when it is a dot-atom, otherwise as a
    /// quoted string with `"` and `\` escaped.
    public var quotedLocalPart: String {
        if Self.isDotAtom(localPart) { return localPart }
        var quoted = "\""
        for character in localPart {
            if character == "\"" || character == "\\" { quoted.append("\\") }
            quoted.append(character)
        }
        quoted.append("\"")
        return quoted
    }

    /// The domain in ASCII: non-ASCII labels in their Punycode `xn--` form.
    public var asciiDomain: String { Punycode.asciiDomain(domain) }
    /// The domain in Unicode: `xn--` labels decoded.
    public var unicodeDomain: String { Punycode.unicodeDomain(domain) }

    /// Atoms joined by single dots (RFC 5322 section 3.2.3); non-ASCII counts as atom text (RFC 6532).
    static func isDotAtom(_ text: String) -> Bool {
        var previousWasDot = true
        for byte in text.utf8 {
            if byte == UInt8(ascii: ".") {
                if previousWasDot { return false }
                previousWasDot = true
                continue
            }
            guard isAtomText(byte) else { return false }
            previousWasDot = false
        }
        return !previousWasDot
    }

    static func isAtomText(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x80...0xFF: true
        default: "!#$%&'*+-/=?^_`{|}~".utf8.contains(byte)
        }
    }
}
