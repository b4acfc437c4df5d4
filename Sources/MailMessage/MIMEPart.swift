/// One node of the MIME tree: a leaf with decoded content, a multipart with children, or an
/// embedded message (message/rfc822) whose own tree hangs below it.
public struct MIMEPart: Sendable {
    public let path: MIMEPath
    public let headers: HeaderSection
    public let contentType: ContentType
    /// True when the part had no usable Content-Type and the RFC 2045 default applies.
    public let contentTypeDefaulted: Bool
    public let transferEncoding: TransferEncoding
    public let disposition: ContentDisposition?
    /// The body bytes exactly as they stand in the message (still transfer-encoded).
    public let rawBody: ArraySlice<UInt8>
    public let content: MIMEContent

    public init(
        path: MIMEPath, headers: HeaderSection, contentType: ContentType, contentTypeDefaulted: Bool,
        transferEncoding: TransferEncoding, disposition: ContentDisposition?, rawBody: ArraySlice<UInt8>,
        content: MIMEContent
    ) {
        self.path = path
        self.headers = headers
        self.contentType = contentType
        self.contentTypeDefaulted = contentTypeDefaulted
        self.transferEncoding = transferEncoding
        self.disposition = disposition
        self.rawBody = rawBody
        self.content = content
    }

    /// The file name from Content-Disposition, else Content-Type's `name`.
    public var filename: String? { disposition?.filename ?? contentType.parameters["name"] }

    /// The part and every part below it, depth first, in message order.
    public var allParts: [MIMEPart] {
        var result: [MIMEPart] = []
        collect(into: &result, leavesOnly: false)
        return result
    }

    /// The leaves below (or at) this part, depth first, in message order.
    public var leaves: [MIMEPart] {
        var result: [MIMEPart] = []
        collect(into: &result, leavesOnly: true)
        return result
    }

    private func collect(into result: inout [MIMEPart], leavesOnly: Bool) {
        switch content {
        case .leaf:
            result.append(self)
        case .multipart(let multipart):
            if !leavesOnly { result.append(self) }
            for child in multipart.parts { child.collect(into: &result, leavesOnly: leavesOnly) }
        case .message(let inner):
            if !leavesOnly { result.append(self) }
            inner.collect(into: &result, leavesOnly: leavesOnly)
        }
    }

    /// The leaf content, when this part is a leaf.
    public var leaf: LeafContent? {
        if case .leaf(let content) = content { return content }
        return nil
    }
}

public indirect enum MIMEContent: Sendable {
    case leaf(LeafContent)
    case multipart(Multipart)
    /// message/rfc822: the embedded message's root part (its headers are the message's headers).
    case message(MIMEPart)
}

public struct Multipart: Sendable {
    public let boundary: String
    public let preamble: ArraySlice<UInt8>
    public let parts: [MIMEPart]
    public let epilogue: ArraySlice<UInt8>

    public init(boundary: String, preamble: ArraySlice<UInt8>, parts: [MIMEPart], epilogue: ArraySlice<UInt8>) {
        self.boundary = boundary
        self.preamble = preamble
        self.parts = parts
        self.epilogue = epilogue
    }
}

/// What a leaf part holds once decoded.
public struct LeafContent: Sendable {
    /// The body after transfer decoding (base64, quoted-printable, uuencode), cut at the decoded
    /// size limit.
    public let decoded: [UInt8]
    /// For text parts: the decoded bytes converted to UTF-8.
    public let text: String?
    /// The charset the text was read as (declared, or sniffed when missing or unknown).
    public let charset: String?
    /// For text/html parts: the rendered plain text, URIs and hints.
    public let html: RenderedHTML?
    /// Files uuencoded inside a text body ("begin 644 name" blocks).
    public let uuencodedFiles: [UUEncodedFile]

    public init(decoded: [UInt8], text: String?, charset: String?, html: RenderedHTML?, uuencodedFiles: [UUEncodedFile]) {
        self.decoded = decoded
        self.text = text
        self.charset = charset
        self.html = html
        self.uuencodedFiles = uuencodedFiles
    }

    /// The text rules and tokens read: the HTML rendering for HTML, the text itself otherwise.
    public var renderedText: String? { html?.text ?? text }
}
