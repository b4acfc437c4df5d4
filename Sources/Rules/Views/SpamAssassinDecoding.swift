import MailMessage

/// A leaf's content decoded the way SpamAssassin's `Node::decode` does it, so rules see the same
/// bytes: runs of more than 20 blank lines cut to 20 (as `Message::new` does to the whole body),
/// quoted-printable decoded in SpamAssassin's two passes (soft breaks first, then `=XX`), base64
/// from the parser, anything else as written; CRLF read as LF where SpamAssassin does.
enum SpamAssassinDecoding {
    static let maxBlankLines = 20

    /// - Parameter inMultipart: the part is a child of a multipart; SpamAssassin's multipart
    ///   parser then cuts its lines longer than 2048 bytes, adding a "\n" after each piece.
    static func decodedBytes(of part: MIMEPart, in message: MailMessage, inMultipart: Bool) -> [UInt8] {
        let crlfMessage = message.lineEnding == .crlf
        func prepared() -> [UInt8] {
            let limited = limitingBlankLines(bodyAsSpamAssassinCutsIt(part, message))
            return inMultipart ? splittingLongLines(limited) : limited
        }
        let encoding = multipartAncestorDecoded(part, in: message) ? TransferEncoding.sevenBit : part.transferEncoding
        switch encoding {
        case .base64:
            let bytes = part.leaf?.decoded ?? []
            let type = part.contentType.type.lowercased()
            return type == "text" || type == "message" ? BodyRenderer.withoutCarriageReturns(bytes) : bytes
        case .quotedPrintable:
            return BodyRenderer.withoutCarriageReturns(quotedPrintableDecode(prepared()))
        default:
            let bytes = prepared()
            return crlfMessage ? BodyRenderer.withoutCarriageReturns(bytes) : bytes
        }
    }

    /// Whether a multipart above the part declares the part's own transfer encoding. The parser
    /// decodes such a (forbidden) encoded multipart before splitting it, so the part's body is
    /// already decoded once; SpamAssassin splits the multipart as written and decodes each part by
    /// its own encoding only, so decoding again would differ (`=3D30` read as "0").
    private static func multipartAncestorDecoded(_ part: MIMEPart, in message: MailMessage) -> Bool {
        guard part.transferEncoding.isEncoding else { return false }
        var current = message.root
        for number in part.path.components {
            switch current.content {
            case .multipart(let multipart):
                if current.transferEncoding == part.transferEncoding { return true }
                guard number >= 1, number <= multipart.parts.count else { return false }
                current = multipart.parts[number - 1]
            case .message(let inner):
                current = inner
            case .leaf:
                return false
            }
        }
        return false
    }

    /// A part of a multipart that runs to the end of the message without a closing delimiter
    /// keeps its final line break in SpamAssassin (the parser treats the end like a delimiter,
    /// which takes the line break).
    private static func bodyAsSpamAssassinCutsIt(_ part: MIMEPart, _ message: MailMessage) -> ArraySlice<UInt8> {
        let body = part.rawBody
        let raw = message.raw
        guard !part.path.isRoot, body.endIndex < raw.count, body.endIndex >= body.startIndex else { return body }
        let tail = raw[body.endIndex...]
        guard tail.elementsEqual([0x0A]) || tail.elementsEqual([0x0D, 0x0A]),
              body.startIndex >= 0, raw[body.startIndex..<body.endIndex].elementsEqual(body) else { return body }
        return raw[body.startIndex...]
    }

    /// Lines (counted with their "\n") longer than 2048 bytes cut into 2048-byte pieces, each
    /// followed by an added "\n" — a line of exactly 2048 bytes plus "\n" thus gains a blank line.
    static func splittingLongLines(_ body: [UInt8]) -> [UInt8] {
        let limit = SpamAssassinText.maxLineLength
        var needed = false
        var lineStart = 0
        body.withUnsafeBufferPointer { buffer in
            while let lineBreak = ByteScan.first(0x0A, in: buffer, from: lineStart, to: buffer.count) {
                if lineBreak + 1 - lineStart > limit { needed = true; break }
                lineStart = lineBreak + 1
            }
        }
        if !needed, body.count - lineStart <= limit { return body }
        var output: [UInt8] = []
        output.reserveCapacity(body.count + body.count / limit + 1)
        lineStart = 0
        while lineStart < body.count {
            var lineEnd = body[lineStart...].firstIndex(of: 0x0A).map { $0 + 1 } ?? body.count
            var start = lineStart
            while lineEnd - start > limit {
                output += body[start..<(start + limit)]
                output.append(0x0A)
                start += limit
            }
            output += body[start..<lineEnd]
            lineStart = lineEnd
            lineEnd = 0
        }
        return output
    }

    /// Whether some run of blank lines is longer than the limit (the common case is no).
    static func hasLongBlankRun(_ body: ArraySlice<UInt8>) -> Bool {
        body.withUnsafeBufferPointer { bytes in
            var run = 0, blank = true
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0x0A {
                    run = blank ? run + 1 : 0
                    if run > maxBlankLines { return true }
                    blank = true
                } else if !(byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)) {
                    blank = false
                    // nothing else on this line matters: on to its line break
                    index = (ByteScan.first(0x0A, in: bytes, from: index + 1, to: bytes.count) ?? bytes.count) - 1
                }
                index += 1
            }
            if blank, let last = bytes.last, last != 0x0A { run += 1 }
            return run > maxBlankLines
        }
    }

    /// `Util::qp_decode`: white space before a line break dropped, soft line breaks removed,
    /// then every `=XX` decoded. Each pass writes into a buffer of its input's size (neither
    /// makes the text longer).
    static func quotedPrintableDecode(_ input: [UInt8]) -> [UInt8] {
        let unwrapped = input.withUnsafeBufferPointer { input in
            [UInt8](unsafeUninitializedCapacity: input.count) { output, count in
                count = 0
                func copy(_ range: Range<Int>) {
                    for position in range {
                        output[count] = input[position]
                        count += 1
                    }
                }
                var index = 0
                while index < input.count {
                    let byte = input[index]
                    if byte == 0x20 || byte == 0x09 {
                        var end = index
                        while end < input.count, input[end] == 0x20 || input[end] == 0x09 { end += 1 }
                        let beforeBreak = end < input.count
                            && (input[end] == 0x0A || (input[end] == 0x0D && end + 1 < input.count && input[end + 1] == 0x0A))
                        if !beforeBreak { copy(index..<end) }
                        index = end
                        continue
                    }
                    if byte == UInt8(ascii: "=") {
                        if index + 1 < input.count, input[index + 1] == 0x0A {
                            index += 2
                            continue
                        }
                        if index + 2 < input.count, input[index + 1] == 0x0D, input[index + 2] == 0x0A {
                            index += 3
                            continue
                        }
                    }
                    output[count] = byte
                    count += 1
                    index += 1
                }
            }
        }
        guard unwrapped.contains(UInt8(ascii: "=")) else { return unwrapped }
        return unwrapped.withUnsafeBufferPointer { input in
            [UInt8](unsafeUninitializedCapacity: input.count) { output, count in
                count = 0
                var index = 0
                while index < input.count {
                    if input[index] == UInt8(ascii: "="), index + 2 < input.count,
                       let high = hexValue(input[index + 1]), let low = hexValue(input[index + 2]) {
                        output[count] = high << 4 | low
                        count += 1
                        index += 3
                        continue
                    }
                    output[count] = input[index]
                    count += 1
                    index += 1
                }
            }
        }
    }

    /// `quotedPrintableDecode` written with appends, for tests.
    static func quotedPrintableDecodeByAppending(_ input: [UInt8]) -> [UInt8] {
        var unwrapped: [UInt8] = []
        unwrapped.reserveCapacity(input.count)
        var index = 0
        while index < input.count {
            let byte = input[index]
            if byte == 0x20 || byte == 0x09 {
                var end = index
                while end < input.count, input[end] == 0x20 || input[end] == 0x09 { end += 1 }
                guard end < input.count else {
                    unwrapped += input[index..<end]
                    break
                }
                if input[end] == 0x0A || (input[end] == 0x0D && end + 1 < input.count && input[end + 1] == 0x0A) {
                    index = end
                    continue
                }
                unwrapped += input[index..<end]
                index = end
                continue
            }
            if byte == UInt8(ascii: "=") {
                if index + 1 < input.count, input[index + 1] == 0x0A {
                    index += 2
                    continue
                }
                if index + 2 < input.count, input[index + 1] == 0x0D, input[index + 2] == 0x0A {
                    index += 3
                    continue
                }
            }
            unwrapped.append(byte)
            index += 1
        }
        var output: [UInt8] = []
        output.reserveCapacity(unwrapped.count)
        index = 0
        while index < unwrapped.count {
            if unwrapped[index] == UInt8(ascii: "="), index + 2 < unwrapped.count,
               let high = hexValue(unwrapped[index + 1]), let low = hexValue(unwrapped[index + 2]) {
                output.append(high << 4 | low)
                index += 3
                continue
            }
            output.append(unwrapped[index])
            index += 1
        }
        return output
    }

    /// Cuts each run of more than 20 lines holding only white space to 20, as SpamAssassin does:
    /// the run's first line stays, then as many lines as needed go, then the last 19 stay.
    static func limitingBlankLines(_ body: ArraySlice<UInt8>) -> [UInt8] {
        guard hasLongBlankRun(body) else { return Array(body) }
        var lines: [(range: Range<Int>, blank: Bool)] = []
        var lineStart = body.startIndex
        var anyLongRun = false, run = 0
        while lineStart < body.endIndex {
            var lineEnd = lineStart
            var blank = true
            while lineEnd < body.endIndex, body[lineEnd] != 0x0A {
                let byte = body[lineEnd]
                if !(byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)) { blank = false }
                lineEnd += 1
            }
            if lineEnd < body.endIndex { lineEnd += 1 }
            lines.append((lineStart..<lineEnd, blank))
            run = blank ? run + 1 : 0
            if run > maxBlankLines { anyLongRun = true }
            lineStart = lineEnd
        }
        guard anyLongRun else { return Array(body) }
        var output: [UInt8] = []
        output.reserveCapacity(body.count)
        var index = 0
        while index < lines.count {
            guard lines[index].blank else {
                output += body[lines[index].range]
                index += 1
                continue
            }
            var end = index
            while end < lines.count, lines[end].blank { end += 1 }
            let count = end - index
            let dropped = count > maxBlankLines ? (index + 1)..<(index + 1 + count - maxBlankLines) : index..<index
            for line in index..<end where !dropped.contains(line) { output += body[lines[line].range] }
            index = end
        }
        return output
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: return byte - 0x30
        case 0x41...0x46: return byte - 0x41 + 10
        case 0x61...0x66: return byte - 0x61 + 10
        default: return nil
        }
    }
}
