import MailMessage

/// The flags SpamAssassin's message parser sets (`check_msg_parse_flags`): a header section with
/// no blank line after it, an overlong header name or value, MIME parts without headers, text
/// after the last boundary; and `bodyLength`, the bytes after the header section.
struct MessageParseFlags {
    var missingHeadBodySeparator = false
    var truncatedHeader = false
    var missingMIMEHeaders = false
    var mimeEpilogueExists = false
    var bodyLength = 0

    static let maxHeaderNameLength = 256
    static let maxHeaderValueLength = 8192

    init(_ message: MailMessage) {
        var bytes = message.raw[...]
        if let fromLine = message.mboxFromLine, fromLine.startIndex == 0 { bytes = message.raw[fromLine.endIndex...] }
        scanHeaders(bytes)
        for field in message.headers.fields {
            if field.name.utf8.count > Self.maxHeaderNameLength || field.rawValue.count > Self.maxHeaderValueLength { truncatedHeader = true }
        }
        checkMultiparts(message.root)
    }

    /// Reads the header lines as SpamAssassin does, to learn where the body starts.
    private mutating func scanHeaders(_ bytes: ArraySlice<UInt8>) {
        let (separatorMissing, bodyStart) = bytes.withUnsafeBufferPointer(Self.headerEnd)
        missingHeadBodySeparator = separatorMissing
        bodyLength = bodyStart.map { bytes.count - $0 } ?? 0
    }

    /// Where the body of `bytes` starts (nil: nowhere) and whether no blank line ended the
    /// header lines; each line end found by memchr (many bytes at a time).
    static func headerEnd(_ bytes: UnsafeBufferPointer<UInt8>) -> (separatorMissing: Bool, bodyStart: Int?) {
        guard bytes.baseAddress != nil else { return (true, nil) }
        var index = 0
        var invalidLines = 0
        while index < bytes.count {
            let lineEnd = ByteScan.first(0x0A, in: bytes, from: index, to: bytes.count).map { $0 + 1 } ?? bytes.count
            var end = lineEnd
            if end > index, bytes[end - 1] == 0x0A { end -= 1 }
            if end > index, bytes[end - 1] == 0x0D { end -= 1 }
            if end == index { return (false, lineEnd) }
            let line = UnsafeBufferPointer(rebasing: bytes[index..<end])
            let continuation = line[0] == 0x20 || line[0] == 0x09
            if !continuation {
                if line.count >= 2, line[0] == UInt8(ascii: "-"), line[1] == UInt8(ascii: "-") { return (true, index) }
                if !isHeaderStart(line[...]) {
                    invalidLines += 1
                    if invalidLines > 3 { return (true, index) }
                }
            }
            index = lineEnd
        }
        return (true, nil)
    }

    /// `^[\041-\071\073-\176]+[ \t]*:`
    static func isHeaderStart<Line: Collection<UInt8>>(_ line: Line) -> Bool where Line.Index == Int {
        var index = line.startIndex
        while index < line.endIndex, (0x21...0x7E).contains(line[index]), line[index] != UInt8(ascii: ":") { index += 1 }
        guard index > line.startIndex else { return false }
        while index < line.endIndex, line[index] == 0x20 || line[index] == 0x09 { index += 1 }
        return index < line.endIndex && line[index] == UInt8(ascii: ":")
    }

    private mutating func checkMultiparts(_ part: MIMEPart) {
        guard case .multipart(let multipart) = part.content else { return }
        for child in multipart.parts {
            if child.headers.fields.isEmpty { missingMIMEHeaders = true }
            checkMultiparts(child)
        }
        if multipart.epilogue.contains(where: { !ASCII.isPerlSpace($0) && $0 != UInt8(ascii: ".") }) { mimeEpilogueExists = true }
    }

    func flag(_ name: String) -> Bool {
        switch name {
        case "missing_head_body_separator": missingHeadBodySeparator
        case "truncated_header": truncatedHeader
        case "missing_mime_headers": missingMIMEHeaders
        case "mime_epilogue_exists": mimeEpilogueExists
        default: false
        }
    }
}
