import MailMessage

/// Builds the `body` and `rawbody` views from a parsed message, as SpamAssassin 4's
/// `get_rendered_body_text_array` and `get_decoded_body_text_array` do.
enum BodyRenderer {
    /// SpamAssassin's "effective type": the declared type, or text/html for a part named *.html.
    static func effectiveType(of part: MIMEPart) -> String {
        if let name = part.filename?.lowercased(), name.hasSuffix(".html") || name.hasSuffix(".htm") || name.hasSuffix(".shtml") || name.hasSuffix(".shtm") {
            return "text/html"
        }
        return part.contentType.mimeType.lowercased()
    }

    /// The subject line (the last Subject field, decoded, with "\n"; "\n" alone when there is
    /// none), then the rendered text of every text/plain and text/html leaf, white space
    /// normalised, as lines of at most 2048 bytes; and what SpamAssassin's HTML parser found in
    /// each non-empty text/html leaf rendered on the way (its `html_all`, which the HTMLEval
    /// functions read). `leaves` come from `decodedLeaves`.
    static func bodyLinesAndHTML(of leaves: [DecodedLeaf], subject: [UInt8], scanSize: Int) -> (lines: [[UInt8]], html: [HTMLLeafScan]) {
        guard !leaves.isEmpty else { return ([], []) }
        // The text stays UTF-8 bytes: each piece is valid UTF-8, or made so as a String would.
        var text: [UInt8] = []
        var html: [HTMLLeafScan] = []
        for (leafIndex, decodedLeaf) in leaves.enumerated() {
            if !text.isEmpty { text.append(0x0A) }
            let leaf = decodedLeaf.part, type = decodedLeaf.type
            guard let bytes = decodedLeaf.bytes, type == "text/plain" || type == "text/html" else { continue }
            let (source, isLeafText) = decodedText(of: leaf, bytes: bytes)
            var rendered: [UInt8]
            if type == "text/html", !source.isEmpty {
                let statistics = HTMLStatisticsScanner.scan(Array(source.utf8))
                html.append(HTMLLeafScan(leafIndex: leafIndex, scannedLeafText: isLeafText, statistics: statistics))
                rendered = UTF8Repair.repaired(statistics.rendered)
            } else if scanSize <= 0 || source.utf8.count <= scanSize {
                text += source.utf8
                continue
            } else {
                rendered = Array(source.utf8)
            }
            if scanSize > 0, rendered.count > scanSize {
                SpamAssassinText.truncate(&rendered, at: scanSize, fallbacks: [0x20])
                rendered = UTF8Repair.repaired(rendered)
            }
            text += rendered
        }
        var output = subject
        text.withUnsafeBufferPointer { SpamAssassinText.normalizeWhitespace(bytes: $0, into: &output) }
        return (SpamAssassinText.shortLines(output), html)
    }

    /// A leaf's text decoded as SpamAssassin decodes it (CR before LF dropped), in UTF-8: for
    /// text/html the source its HTML parser is handed. The parser's decoded text is used when
    /// its bytes agree with SpamAssassin's decoding; otherwise the bytes are converted again.
    /// `bytes` are the leaf's bytes as `SpamAssassinDecoding` decodes them; `isLeafText`: the
    /// text is the leaf's own `text`.
    static func decodedText(of part: MIMEPart, bytes: [UInt8]) -> (text: String, isLeafText: Bool) {
        guard let leaf = part.leaf else { return ("", false) }
        if bytes == leaf.decoded, let text = leaf.text { return (text, true) }
        if bytes == withoutCarriageReturns(leaf.decoded), let text = leaf.text { return (withoutCarriageReturns(text), false) }
        return (text(of: bytes, part: part), false)
    }

    /// SpamAssassin's rendering of HTML (`Mail::SpamAssassin::HTML`), not the reader-oriented
    /// `HTMLRenderer`: only br, div, p, li, cells, headings and a few more break the text, alt
    /// text is left out, and hidden text stays in.
    static func spamAssassinRendering(of source: String) -> String {
        String(decoding: HTMLStatisticsScanner.scan(Array(source.utf8)).rendered, as: UTF8.self)
    }

    private static func text(of bytes: [UInt8], part: MIMEPart) -> String {
        CharsetConverter.decode(bytes[...], charset: part.leaf?.charset ?? part.contentType.charset).text
    }

    /// The transfer-decoded bytes (charset untouched, CRLF read as LF) of every text/* and
    /// message/* leaf except text/calendar, in pieces of 2–4 KiB. `leaves` come from `decodedLeaves`.
    static func rawBodyChunks(of leaves: [DecodedLeaf], scanSize: Int) -> [[UInt8]] {
        var chunks: [[UInt8]] = []
        for leaf in leaves {
            guard var bytes = leaf.bytes else { continue }
            SpamAssassinText.truncate(&bytes, at: scanSize, fallbacks: [UInt8(ascii: ">"), 0x20])
            chunks += SpamAssassinText.shortParagraphs(bytes[...])
        }
        return chunks
    }

    /// One leaf (depth first, `leavesWithContainer` order) with its effective type and, for the
    /// leaves a text view reads (text/* but text/calendar, message/*), its bytes as
    /// `SpamAssassinDecoding` decodes them: decoded once for the body and rawbody views.
    struct DecodedLeaf {
        let part: MIMEPart
        let type: String
        let bytes: [UInt8]?
    }

    static func decodedLeaves(of message: MailMessage) -> [DecodedLeaf] {
        leavesWithContainer(message.root).map { part, inMultipart in
            let type = effectiveType(of: part)
            let read = part.leaf != nil && (type.hasPrefix("text/") || type.hasPrefix("message/")) && type != "text/calendar"
            return DecodedLeaf(part: part, type: type,
                               bytes: read ? SpamAssassinDecoding.decodedBytes(of: part, in: message, inMultipart: inMultipart) : nil)
        }
    }

    /// The leaves depth first, each with whether its parent is a multipart.
    static func leavesWithContainer(_ root: MIMEPart) -> [(MIMEPart, Bool)] {
        var result: [(MIMEPart, Bool)] = []
        func visit(_ part: MIMEPart, inMultipart: Bool) {
            switch part.content {
            case .leaf: result.append((part, inMultipart))
            case .multipart(let multipart): for child in multipart.parts { visit(child, inMultipart: true) }
            case .message(let inner): visit(inner, inMultipart: false)
            }
        }
        visit(root, inMultipart: false)
        return result
    }

    /// CR before LF removed, as SpamAssassin's decoding leaves text.
    static func withoutCarriageReturns(_ bytes: [UInt8]) -> [UInt8] {
        bytes.withUnsafeBufferPointer { buffer in
            // the text between the CRs dropped is copied whole
            var result: [UInt8] = []
            var copied = 0, from = 0
            while let carriageReturn = ByteScan.first(0x0D, in: buffer, from: from, to: buffer.count) {
                from = carriageReturn + 1
                guard from < buffer.count, buffer[from] == 0x0A else { continue }
                if result.isEmpty { result.reserveCapacity(buffer.count) }
                result += buffer[copied..<carriageReturn]
                copied = from
            }
            guard copied > 0 else { return bytes }
            result += buffer[copied...]
            return result
        }
    }

    static func withoutCarriageReturns(_ text: String) -> String {
        guard text.utf8.contains(0x0D) else { return text }
        return String(decoding: withoutCarriageReturns(Array(text.utf8)), as: UTF8.self)
    }
}
