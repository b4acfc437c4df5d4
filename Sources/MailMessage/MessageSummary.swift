/// A stable, human-readable summary of a parsed message: the golden "expected decoded summary"
/// the corpus tests compare against. One fact per line, parts in tree order, indented by depth:
///
///     line-ending: crlf
///     mbox-from: From alice@example.org Mon Mar  3 09:15:00 2025
///     headers: 7
///     subject: Quarterly report
///     from: Alice Example <alice@example.org>
///     part root multipart/mixed enc=7bit boundary="b1" parts=2
///       part 1 text/plain enc=quoted-printable charset=utf-8 decoded=42 bytes sha=0123456789ab
///       text 1: "Hello\n" (6 chars)
///       part 2 message/rfc822 enc=7bit
///         subject 2.1: Inner subject
///         from 2.1: bob@example.net
///         part 2.1 text/html enc=7bit charset=utf-8 decoded=80 bytes sha=0123456789ab
///         html 2.1: "Hello world"
///     defect: unclosed_boundary(b1)
///
/// A type defaulted by RFC 2045 reads `text/plain(default)`. `text` lines quote the first 60
/// Unicode scalars of the text with control characters escaped and give its length in scalars;
/// `html` lines quote the first 60 scalars of the rendered text with white space runs collapsed to
/// one space (so the summary does not depend on how a renderer lays out blocks). `sha` is the
/// first 12 hex digits of the 64-bit FNV-1a hash of the decoded bytes. Defects are sorted by part
/// path, then by description.
public struct MessageSummary: Sendable {
    public var text: String

    /// How many Unicode scalars of a text are quoted.
    public static let textPrefixLength = 60

    public init(_ message: MailMessage) {
        var lines: [String] = []
        lines.append("line-ending: \(Self.name(of: message.lineEnding))")
        if let fromLine = message.mboxFromLine {
            lines.append("mbox-from: \(Self.escape(HeaderText.string(Self.withoutLineBreak(fromLine)), quoted: false))")
        }
        lines.append("headers: \(message.headers.fields.count)")
        lines.append("subject: \(Self.subjectText(message.headers))")
        lines.append("from: \(Self.fromText(message.headers))")
        Self.describe(message.root, into: &lines)
        let defects = message.defects.enumerated().sorted { lhs, rhs in
            if lhs.element.part != rhs.element.part { return lhs.element.part < rhs.element.part }
            if lhs.element.description != rhs.element.description { return lhs.element.description < rhs.element.description }
            return lhs.offset < rhs.offset
        }
        for defect in defects { lines.append("defect: \(Self.escape(defect.element.description, quoted: false))") }
        text = lines.joined(separator: "\n") + "\n"
    }

    // MARK: parts

    private static func describe(_ part: MIMEPart, into lines: inout [String]) {
        let indent = String(repeating: "  ", count: part.path.depth)
        let path = pathText(part.path)
        var line = "\(indent)part \(path) \(part.contentType.mimeType)"
        if part.contentTypeDefaulted { line += "(default)" }
        line += " enc=\(escape(part.transferEncoding.description, quoted: false))"
        if let kind = part.disposition?.kind, !kind.isEmpty { line += " disp=\(escape(kind, quoted: false))" }
        if let filename = part.filename { line += " filename=\(escape(filename, quoted: true))" }

        switch part.content {
        case .multipart(let multipart):
            line += " boundary=\(escape(multipart.boundary, quoted: true)) parts=\(multipart.parts.count)"
            lines.append(line)
            for child in multipart.parts { describe(child, into: &lines) }
        case .message(let inner):
            lines.append(line)
            let innerIndent = String(repeating: "  ", count: inner.path.depth)
            let innerPath = pathText(inner.path)
            lines.append("\(innerIndent)subject \(innerPath): \(subjectText(inner.headers))")
            lines.append("\(innerIndent)from \(innerPath): \(fromText(inner.headers))")
            describe(inner, into: &lines)
        case .leaf(let leaf):
            if let charset = leaf.charset { line += " charset=\(escape(charset, quoted: false))" }
            line += " decoded=\(leaf.decoded.count) bytes sha=\(shortHash(leaf.decoded[...]))"
            lines.append(line)
            if let html = leaf.html {
                lines.append("\(indent)html \(path): \(escape(prefix(collapsingWhiteSpace(html.text)), quoted: true))")
            } else if let text = leaf.text {
                lines.append("\(indent)text \(path): \(escape(prefix(text), quoted: true)) (\(text.unicodeScalars.count) chars)")
            }
            for file in leaf.uuencodedFiles {
                lines.append("\(indent)uuencoded \(path): \(escape(file.name, quoted: true)) \(file.bytes.count) bytes sha=\(shortHash(file.bytes[...]))")
            }
        }
    }

    private static func subjectText(_ headers: HeaderSection) -> String {
        guard let subject = headers["Subject"] else { return "(none)" }
        return escape(subject, quoted: false)
    }

    private static func fromText(_ headers: HeaderSection) -> String {
        let addresses = headers.addresses("From")
        guard !addresses.isEmpty else { return "(none)" }
        return addresses.map { address in
            if let name = address.displayName, !name.isEmpty { return escape("\(name) <\(address.address)>", quoted: false) }
            return escape(address.address, quoted: false)
        }.joined(separator: ", ")
    }

    private static func pathText(_ path: MIMEPath) -> String { path.isRoot ? "root" : path.description }

    private static func name(of ending: LineEnding) -> String {
        switch ending {
        case .crlf: return "crlf"
        case .lf: return "lf"
        case .cr: return "cr"
        }
    }

    // MARK: text

    private static func prefix(_ text: String) -> String.UnicodeScalarView.SubSequence {
        text.unicodeScalars.prefix(textPrefixLength)
    }

    /// Runs of ASCII white space become one space; leading and trailing white space goes.
    static func collapsingWhiteSpace(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case " ", "\t", "\n", "\r", "\u{0B}", "\u{0C}":
                pendingSpace = !result.isEmpty
            default:
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// Control characters as `\n`, `\r`, `\t` or `\u{XX}`; in quoted form also `\\` and `\"`,
    /// inside double quotes.
    static func escape<Scalars: Sequence<Unicode.Scalar>>(_ scalars: Scalars, quoted: Bool) -> String {
        var result = String.UnicodeScalarView()
        if quoted { result.append("\"") }
        for scalar in scalars {
            switch scalar {
            case "\n": result.append(contentsOf: "\\n".unicodeScalars)
            case "\r": result.append(contentsOf: "\\r".unicodeScalars)
            case "\t": result.append(contentsOf: "\\t".unicodeScalars)
            case "\\" where quoted: result.append(contentsOf: "\\\\".unicodeScalars)
            case "\"" where quoted: result.append(contentsOf: "\\\"".unicodeScalars)
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (scalar.value >= 0x80 && scalar.value < 0xA0) {
                    result.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
                } else {
                    result.append(scalar)
                }
            }
        }
        if quoted { result.append("\"") }
        return String(result)
    }

    static func escape(_ text: String, quoted: Bool) -> String { escape(text.unicodeScalars, quoted: quoted) }

    private static func withoutLineBreak(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var end = line.endIndex
        while end > line.startIndex, line[end - 1] == 0x0A || line[end - 1] == 0x0D { end -= 1 }
        return line[line.startIndex..<end]
    }

    // MARK: hash

    /// The first 12 hex digits of the 64-bit FNV-1a hash: short, stable across platforms and runs.
    static func shortHash(_ bytes: ArraySlice<UInt8>) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return String((String(repeating: "0", count: 16 - hex.count) + hex).prefix(12))
    }
}
