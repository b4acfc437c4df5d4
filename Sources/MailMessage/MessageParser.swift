#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Parses raw message bytes into a `MailMessage`: header sections, the MIME tree, decoded leaf
/// content and defects. It never throws; limits stop work and are recorded as defects.
struct MessageParser {
    let limits: MessageLimits

    /// Counters shared by the whole tree of one message.
    private final class Budget {
        var parts = 0
        var decodedBytes = 0
        var defects: [Defect] = []
        var partLimitReported = false
        var depthLimitReported = false

        func add(_ kinds: [DefectKind], at path: MIMEPath, detail: String = "") {
            for kind in kinds { defects.append(Defect(kind, part: path, detail: detail)) }
        }
    }

    func parse(_ bytes: [UInt8]) -> MailMessage {
        let budget = Budget()
        var start = 0
        var fromLine: ArraySlice<UInt8>?
        let mode = Self.detectLineEnding(bytes)
        bytes.withUnsafeBufferPointer { buffer in
            if bytes.starts(with: Self.mboxFromPrefix) {
                let next = LineCutter(buffer: buffer, mode: mode).line(from: 0, end: buffer.count).next
                fromLine = bytes[0..<next]
                start = next
            }
            budget.add(Self.lineDefects(buffer, from: start, mode: mode), at: .root)
        }
        var headerEnd = start
        let root = parsePart(bytes, range: start..<bytes.count, path: .root, depth: 0, defaultType: .textPlain,
                             mode: mode, budget: budget, headerEnd: &headerEnd)
        if root.contentType.isMultipart, !root.contentTypeDefaulted, !root.headers.contains("MIME-Version") {
            budget.add([.missingMIMEVersion], at: .root)
        }
        for name in Self.repeatedSingletons(root.headers) {
            budget.add([.duplicateHeaderField], at: .root, detail: name)
        }
        return MailMessage(raw: bytes, mboxFromLine: fromLine, lineEnding: mode, root: root, headerEnd: headerEnd,
                           defects: budget.defects)
    }

    private static let mboxFromPrefix: [UInt8] = Array("From ".utf8)
    private static let singletonFields = ["From", "Subject", "Date", "Message-ID", "To", "MIME-Version", "Content-Type"]

    /// The singleton fields that occur more than once, in `singletonFields` order; one pass over
    /// the fields.
    private static func repeatedSingletons(_ headers: HeaderSection) -> [String] {
        var counts = [Int](repeating: 0, count: singletonFields.count)
        var repeated = false
        for field in headers.fields {
            // Only names of the right length are compared.
            let index: Int?
            switch field.name.utf8.count {
            case 2: index = field.hasName("To") ? 4 : nil
            case 4: index = field.hasName("From") ? 0 : field.hasName("Date") ? 2 : nil
            case 7: index = field.hasName("Subject") ? 1 : nil
            case 10: index = field.hasName("Message-ID") ? 3 : nil
            case 12: index = field.hasName("MIME-Version") ? 5 : field.hasName("Content-Type") ? 6 : nil
            default: index = nil
            }
            guard let index else { continue }
            counts[index] += 1
            if counts[index] > 1 { repeated = true }
        }
        guard repeated else { return [] }
        return singletonFields.indices.filter { counts[$0] > 1 }.map { singletonFields[$0] }
    }

    // MARK: parts

    private func parsePart(
        _ base: [UInt8], range: Range<Int>, path: MIMEPath, depth: Int, defaultType: ContentType,
        mode: LineEnding, budget: Budget, headerEnd: inout Int
    ) -> MIMEPart {
        budget.parts += 1
        let header = HeaderSectionParser(limits: limits, mode: mode).parse(base, range: range)
        budget.add(header.defects, at: path)
        headerEnd = header.headerEnd
        let headers = header.section
        let body = base[header.bodyStart..<range.upperBound]

        var contentType = defaultType
        var defaulted = true
        if let field = headers.first("Content-Type") {
            let (parsed, defects) = ContentType.parse(field.value)
            budget.add(defects, at: path, detail: "Content-Type")
            if let parsed {
                contentType = parsed
                defaulted = false
            }
        }
        let encoding = TransferEncoding(headerValue: headers["Content-Transfer-Encoding"])
        if case .unknown(let name) = encoding { budget.add([.unknownTransferEncoding], at: path, detail: name) }
        var disposition: ContentDisposition?
        if let value = headers["Content-Disposition"] {
            let (parsed, defects) = ContentDisposition.parse(value)
            budget.add(defects, at: path, detail: "Content-Disposition")
            disposition = parsed
        }

        func make(_ type: ContentType, _ content: MIMEContent) -> MIMEPart {
            MIMEPart(path: path, headers: headers, contentType: type, contentTypeDefaulted: defaulted,
                     transferEncoding: encoding, disposition: disposition, rawBody: body, content: content)
        }

        if contentType.isMultipart || contentType.isEmbeddedMessage, depth >= limits.maxMimeDepth {
            if !budget.depthLimitReported {
                budget.add([.mimeDepthExceeded], at: path)
                budget.depthLimitReported = true
            }
            return make(contentType, .leaf(decodeLeaf(body, type: contentType, encoding: encoding, path: path, budget: budget)))
        }

        if contentType.isMultipart {
            guard let boundary = contentType.boundary, !boundary.isEmpty else {
                budget.add([.missingBoundary], at: path)
                return make(.textPlain, .leaf(decodeLeaf(body, type: .textPlain, encoding: encoding, path: path, budget: budget)))
            }
            // A transfer-encoded multipart is forbidden (RFC 2045 6.4) but hides parts from
            // filters that obey: decode it and split what it decodes to.
            var splitBase = base
            var splitRange = body.startIndex..<body.endIndex
            if encoding.isEncoding {
                budget.add([.encodedMultipart], at: path)
                splitBase = decodeLeaf(body, type: .applicationOctetStream, encoding: encoding, path: path, budget: budget).decoded
                splitRange = 0..<splitBase.count
            }
            guard let multipart = splitMultipart(splitBase, body: splitRange, boundary: boundary,
                                                 subtype: contentType.subtype, path: path, depth: depth, mode: mode, budget: budget)
            else {
                budget.add([.boundaryNotFound], at: path, detail: boundary)
                return make(.textPlain, .leaf(decodeLeaf(body, type: .textPlain, encoding: encoding, path: path, budget: budget)))
            }
            return make(contentType, .multipart(multipart))
        }

        if contentType.isEmbeddedMessage {
            var innerBase = base
            var innerRange = body.startIndex..<body.endIndex
            if encoding.isEncoding {
                let decoded = decodeLeaf(body, type: contentType, encoding: encoding, path: path, budget: budget).decoded
                innerBase = decoded
                innerRange = 0..<decoded.count
            }
            var ignored = 0
            let inner = parsePart(innerBase, range: innerRange, path: path.child(1), depth: depth + 1,
                                  defaultType: .textPlain, mode: Self.detectLineEnding(innerBase, in: innerRange), budget: budget,
                                  headerEnd: &ignored)
            return make(contentType, .message(inner))
        }

        return make(contentType, .leaf(decodeLeaf(body, type: contentType, encoding: encoding, path: path, budget: budget)))
    }

    /// Cuts a multipart body at its boundary lines; nil when the boundary never occurs.
    private func splitMultipart(
        _ base: [UInt8], body: Range<Int>, boundary: String, subtype: String, path: MIMEPath, depth: Int,
        mode: LineEnding, budget: Budget
    ) -> Multipart? {
        let delimiters = base.withUnsafeBufferPointer { buffer in
            Self.findDelimiters(buffer, body: body, boundary: Array(("--" + boundary).utf8), mode: mode, limit: limits.maxParts + 2)
        }
        guard let first = delimiters.first else { return nil }
        let childDefault = subtype == "digest" ? ContentType.messageRFC822 : ContentType.textPlain
        var parts: [MIMEPart] = []
        var epilogueStart = body.upperBound
        var closed = false
        for (index, delimiter) in delimiters.enumerated() {
            if delimiter.isClose {
                epilogueStart = delimiter.next
                closed = true
                break
            }
            let partEnd = index + 1 < delimiters.count ? delimiters[index + 1].lineStart : body.upperBound
            guard budget.parts < limits.maxParts else {
                if !budget.partLimitReported {
                    budget.add([.partCountExceeded], at: path)
                    budget.partLimitReported = true
                }
                break
            }
            var ignored = 0
            // The line break before a delimiter belongs to the delimiter (RFC 2046 5.1.1).
            // The end of an unclosed multipart counts as its close delimiter.
            let contentEnd = Self.trimLineBreak(base, end: partEnd, floor: delimiter.next)
            parts.append(parsePart(base, range: delimiter.next..<contentEnd, path: path.child(parts.count + 1), depth: depth + 1,
                                   defaultType: childDefault, mode: mode, budget: budget, headerEnd: &ignored))
        }
        if !closed { budget.add([.unclosedBoundary], at: path, detail: boundary) }
        if parts.isEmpty { budget.add([.emptyMultipart], at: path) }
        let preambleEnd = max(body.lowerBound, Self.trimLineBreak(base, end: first.lineStart, floor: body.lowerBound))
        return Multipart(boundary: boundary, preamble: base[body.lowerBound..<preambleEnd], parts: parts,
                         epilogue: base[min(epilogueStart, body.upperBound)..<body.upperBound])
    }

    private struct Delimiter {
        var lineStart: Int
        var next: Int
        var isClose: Bool
    }

    /// Every line in `body` that is `--boundary` or `--boundary--`, optionally followed by white
    /// space. A longer line that merely starts with the boundary (a nested part's boundary that
    /// shares its prefix) is not a delimiter. Only line starts are compared, and no further than
    /// the line, so the search is linear in the body whatever the boundary. At most `limit`
    /// delimiters are returned.
    ///
    /// Lines are not cut one by one: only the dashes are visited (base64 has none, most text few),
    /// and a dash that starts a line is compared with the boundary.
    private static func findDelimiters(_ buffer: UnsafeBufferPointer<UInt8>, body: Range<Int>, boundary: [UInt8], mode: LineEnding, limit: Int) -> [Delimiter] {
        var result: [Delimiter] = []
        let cutter = LineCutter(buffer: buffer, mode: mode)
        var search = body.lowerBound
        while search < body.upperBound, result.count < limit,
              let lineStart = ByteScan.first(UInt8(ascii: "-"), in: buffer, from: search, to: body.upperBound) {
            guard isLineStart(lineStart, in: buffer, from: body.lowerBound, mode: mode) else {
                search = lineStart + 1
                continue
            }
            let (contentEnd, next) = cutter.line(from: lineStart, end: body.upperBound)
            // The next delimiter can only start on a later line.
            search = next
            guard contentEnd - lineStart >= boundary.count,
                  boundary.withUnsafeBufferPointer({ memcmp(buffer.baseAddress! + lineStart, $0.baseAddress!, $0.count) == 0 })
            else { continue }
            var cursor = lineStart + boundary.count
            var isClose = false
            if cursor + 2 <= contentEnd, buffer[cursor] == UInt8(ascii: "-"), buffer[cursor + 1] == UInt8(ascii: "-") {
                isClose = true
                cursor += 2
            }
            while cursor < contentEnd, buffer[cursor] == 0x20 || buffer[cursor] == 0x09 { cursor += 1 }
            guard cursor == contentEnd else { continue }
            result.append(Delimiter(lineStart: lineStart, next: next, isClose: isClose))
            if isClose { break }
        }
        return result
    }

    /// Whether a line starts at `position` when lines are cut from `start` as `LineCutter` cuts
    /// them: at `start` and after every line break (LF, or in `.cr` mode CR or CRLF).
    @inline(__always)
    private static func isLineStart(_ position: Int, in buffer: UnsafeBufferPointer<UInt8>, from start: Int, mode: LineEnding) -> Bool {
        guard position > start else { return position == start }
        let before = buffer[position - 1]
        if mode != .cr { return before == 0x0A }
        if before == 0x0D { return true }
        return before == 0x0A && position - 2 >= start && buffer[position - 2] == 0x0D
    }

    /// `end` moved back over one line break (CRLF, LF or CR), not below `floor`.
    private static func trimLineBreak(_ base: [UInt8], end: Int, floor: Int) -> Int {
        var end = end
        if end > floor, base[end - 1] == 0x0A { end -= 1 }
        if end > floor, base[end - 1] == 0x0D { end -= 1 }
        return end
    }

    // MARK: leaves

    private func decodeLeaf(_ body: ArraySlice<UInt8>, type: ContentType, encoding: TransferEncoding, path: MIMEPath, budget: Budget) -> LeafContent {
        let remaining = max(0, limits.maxDecodedBytes - budget.decodedBytes)
        let decoded = TransferDecoder.decode(body, encoding: encoding, limit: remaining)
        budget.decodedBytes += decoded.bytes.count
        budget.add(decoded.defects, at: path)
        if case .sevenBit = encoding, body.withUnsafeBufferPointer({ CharsetConverter.firstNonASCII(in: $0) != nil }) {
            budget.add([.eightBitIn7Bit], at: path)
        }
        guard type.isText else {
            return LeafContent(decoded: decoded.bytes, text: nil, charset: nil, html: nil, uuencodedFiles: [])
        }
        let converted = CharsetConverter.decode(decoded.bytes[...], charset: type.charset)
        budget.add(converted.defects, at: path, detail: type.charset ?? "")
        let html = type.subtype == "html" ? HTMLRenderer.render(converted.text) : nil
        var files: [UUEncodedFile] = []
        if type.subtype == "plain" {
            let found = UUEncode.findFiles(in: decoded.bytes[...], limit: max(0, limits.maxDecodedBytes - budget.decodedBytes))
            files = found.files
            budget.decodedBytes += files.reduce(0) { $0 + $1.bytes.count }
            budget.add(found.defects, at: path)
        }
        // Report the charset as declared when it was usable (rules look at the declared name),
        // not the superset it was read with.
        let declared = type.charset.map { $0.trimmingASCIIWhitespace().lowercased() }
        let charset = declared.flatMap { CharsetConverter.isKnown($0) ? $0 : nil } ?? converted.charset
        return LeafContent(decoded: decoded.bytes, text: converted.text, charset: charset, html: html, uuencodedFiles: files)
    }

    // MARK: line ends

    /// LF (which reads CRLF too) unless the first line break in the message is a CR alone.
    static func detectLineEnding(_ bytes: [UInt8], in range: Range<Int>? = nil) -> LineEnding {
        let range = range ?? 0..<bytes.count
        return bytes.withUnsafeBufferPointer { buffer in
            let lf = ByteScan.first(0x0A, in: buffer, from: range.lowerBound, to: range.upperBound)
            let cr = ByteScan.first(0x0D, in: buffer, from: range.lowerBound, to: lf ?? range.upperBound)
            guard let cr else { return .lf }
            if let lf, lf == cr + 1 { return .crlf }
            return .cr
        }
    }

    /// Whole-message byte defects: NUL bytes, and line ends that disagree with the message's own.
    private static func lineDefects(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, mode: LineEnding) -> [DefectKind] {
        var defects: [DefectKind] = []
        if mode == .cr { defects.append(.crOnlyLineEnds) }
        if ByteScan.first(0, in: buffer, from: start, to: buffer.count) != nil { defects.append(.nulByte) }
        guard mode == .crlf else { return defects }
        var bareLF = false, bareCR = false
        var position = start
        while !bareLF, let lf = ByteScan.first(0x0A, in: buffer, from: position, to: buffer.count) {
            if lf == start || buffer[lf - 1] != 0x0D { bareLF = true }
            position = lf + 1
        }
        position = start
        while !bareCR, let cr = ByteScan.first(0x0D, in: buffer, from: position, to: buffer.count) {
            if cr + 1 >= buffer.count || buffer[cr + 1] != 0x0A { bareCR = true }
            position = cr + 1
        }
        if bareLF { defects.append(.bareLF) }
        if bareCR { defects.append(.bareCR) }
        return defects
    }
}
