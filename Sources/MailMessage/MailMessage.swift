/// A parsed RFC 5322 message. Parsing never throws: whatever the bytes, the result is a usable
/// message plus the defects found on the way.
public struct MailMessage: Sendable {
    /// The bytes as given, kept whole so an unmodified message re-serialises byte for byte.
    public let raw: [UInt8]
    /// A leading mbox "From " envelope line, with its line break, when there was one.
    public let mboxFromLine: ArraySlice<UInt8>?
    public let lineEnding: LineEnding
    /// The top-level part: its headers are the message's headers.
    public let root: MIMEPart
    /// Where the header section ends in `raw`: the offset of the blank line (or of the end of the
    /// input when there is none). New header fields are inserted here.
    public let headerEnd: Int
    public let defects: [Defect]

    public init(raw: [UInt8], mboxFromLine: ArraySlice<UInt8>?, lineEnding: LineEnding, root: MIMEPart, headerEnd: Int, defects: [Defect]) {
        self.raw = raw
        self.mboxFromLine = mboxFromLine
        self.lineEnding = lineEnding
        self.root = root
        self.headerEnd = headerEnd
        self.defects = defects
    }

    /// Parses raw bytes (CRLF, LF or CR line ends; a leading mbox "From " line is tolerated).
    public init(parsing bytes: [UInt8], limits: MessageLimits = .default) {
        self = MessageParser(limits: limits).parse(bytes)
    }

    public var headers: HeaderSection { root.headers }
    public var subject: String? { headers["Subject"] }
    public var messageID: String? { headers["Message-ID"] }
    public var from: [MailAddress] { headers.addresses("From") }

    /// Every leaf part, depth first, embedded messages included.
    public var leaves: [MIMEPart] { root.leaves }
    /// Every part, depth first: multiparts, embedded messages and leaves.
    public var allParts: [MIMEPart] { root.allParts }

    /// Text parts (text/*) that are not attachments, in order.
    public var textParts: [MIMEPart] {
        leaves.filter { $0.contentType.isText && $0.disposition?.isAttachment != true && $0.leaf?.text != nil }
    }

    /// Every URI found in text and HTML parts, in order of appearance, without repeats.
    public var uris: [String] {
        var seen = Set<String>(), result: [String] = []
        for part in textParts {
            guard let leaf = part.leaf else { continue }
            let found = leaf.html?.uris ?? URIExtractor.extract(from: leaf.text ?? "")
            for uri in found where seen.insert(uri).inserted { result.append(uri) }
        }
        return result
    }
}
