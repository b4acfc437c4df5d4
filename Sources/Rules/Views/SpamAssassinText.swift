/// SpamAssassin's text shaping, byte for byte: white space normalisation of rendered bodies and
/// the splitting of long texts into the pieces rules are run on.
enum SpamAssassinText {
    /// `Mail::SpamAssassin::Constants::MAX_BODY_LINE_LENGTH`.
    static let maxLineLength = 2048

    /// Runs of white space holding two or more line breaks become one "\n" (with a space on
    /// either side when other white space stood there); every other run becomes one space; NUL
    /// becomes "\n". White space is Perl's Unicode `\s`. Works on the UTF-8 bytes.
    static func normalizeWhitespace(_ text: String, into output: inout [UInt8]) {
        var text = text
        text.withUTF8 { normalizeWhitespace(bytes: $0, into: &output) }
    }

    /// `normalizeWhitespace` on UTF-8 bytes (other bytes are kept as they are).
    static func normalizeWhitespace(bytes: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        output.reserveCapacity(output.count + bytes.count)
        var inRun = false, spaceBeforeBreak = false, lineBreaks = 0, spaceAfterBreak = false
        // Writes what a finished white-space run becomes.
        func endRun() {
            if lineBreaks >= 2 {
                if spaceBeforeBreak { output.append(0x20) }
                output.append(0x0A)
                if spaceAfterBreak { output.append(0x20) }
            } else {
                output.append(0x20)
            }
            inRun = false
            spaceBeforeBreak = false
            lineBreaks = 0
            spaceAfterBreak = false
        }
        var index = 0
        while index < bytes.count {
            if isPlain(bytes[index]) {
                // A run of bytes that are neither white space nor NUL is copied whole, with
                // the single spaces between them (which stay one space).
                if inRun { endRun() }
                var end = index + 1
                while end < bytes.count {
                    if isPlain(bytes[end]) {
                        end += 1
                    } else if bytes[end] == 0x20, end + 1 < bytes.count, isPlain(bytes[end + 1]) {
                        end += 2
                    } else {
                        break
                    }
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<end]))
                index = end
                continue
            }
            let length = spaceLength(bytes, at: index)
            if length > 0 {
                inRun = true
                if bytes[index] == 0x0A {
                    lineBreaks += 1
                    spaceAfterBreak = false
                } else if lineBreaks == 0 {
                    spaceBeforeBreak = true
                } else {
                    spaceAfterBreak = true
                }
                index += length
                continue
            }
            if inRun { endRun() }
            output.append(bytes[index] == 0 ? 0x0A : bytes[index])
            index += 1
        }
        if inRun { endRun() }
    }

    /// A byte that never starts white space and is not NUL: printable ASCII, or an 8-bit byte
    /// other than the lead bytes of the Unicode spaces `spaceLength` knows.
    @inline(__always)
    static func isPlain(_ byte: UInt8) -> Bool {
        if byte < 0x80 { return byte > 0x20 }
        return byte != 0xC2 && (byte < 0xE1 || byte > 0xE3)
    }

    /// The length of the white-space character at `index` (Perl's Unicode `\s` in UTF-8), or 0.
    @inline(__always)
    static func spaceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let byte = bytes[index]
        if byte < 0x80 { return byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) ? 1 : 0 }
        let remaining = bytes.count - index
        switch byte {
        case 0xC2:
            guard remaining >= 2 else { return 0 }
            return bytes[index + 1] == 0x85 || bytes[index + 1] == 0xA0 ? 2 : 0
        case 0xE1:
            guard remaining >= 3 else { return 0 }
            return bytes[index + 1] == 0x9A && bytes[index + 2] == 0x80 ? 3 : 0
        case 0xE2:
            guard remaining >= 3 else { return 0 }
            let second = bytes[index + 1], third = bytes[index + 2]
            if second == 0x80 { return (third >= 0x80 && third <= 0x8A) || third == 0xA8 || third == 0xA9 || third == 0xAF ? 3 : 0 }
            return second == 0x81 && third == 0x9F ? 3 : 0
        case 0xE3:
            guard remaining >= 3 else { return 0 }
            return bytes[index + 1] == 0x80 && bytes[index + 2] == 0x80 ? 3 : 0
        default:
            return 0
        }
    }

    static func isPerlSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// The characters of `bytes` (decoded as `String(decoding:as: UTF8.self)` does, each
    /// ill-formed sequence one U+FFFD) that are not Perl `\s`. ASCII bytes are counted where they
    /// stand: each is one character on its own, so only the runs of 8-bit bytes between them
    /// are decoded.
    static func nonSpaceCharacterCount(_ bytes: [UInt8]) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            var count = 0, index = 0
            while index < buffer.count {
                let byte = buffer[index]
                if byte < 0x80 {
                    count &+= ASCII.isPerlSpace(byte) ? 0 : 1
                    index += 1
                    continue
                }
                var end = index + 1
                while end < buffer.count, buffer[end] >= 0x80 { end += 1 }
                count += decodedNonSpaceCharacterCount(UnsafeBufferPointer(rebasing: buffer[index..<end]))
                index = end
            }
            return count
        }
    }

    /// `nonSpaceCharacterCount` by decoding the whole text into a String.
    static func decodedNonSpaceCharacterCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        String(decoding: bytes, as: UTF8.self).unicodeScalars.reduce(0) { $0 + (isPerlSpace($1) ? 0 : 1) }
    }

    static func appendUTF8(_ scalar: Unicode.Scalar, to output: inout [UInt8]) {
        if scalar.value < 0x80 {
            output.append(UInt8(scalar.value))
        } else {
            output.append(contentsOf: UTF8.encode(scalar)!)
        }
    }

    /// `split_into_array_of_short_lines`: one element per line (each keeping its "\n"), lines
    /// longer than 2048 bytes cut after the last space within them, or at 2048.
    static func shortLines(_ text: [UInt8]) -> [[UInt8]] {
        var result: [[UInt8]] = []
        var lineStart = 0
        while lineStart < text.count {
            var lineEnd = lineStart
            while lineEnd < text.count, text[lineEnd] != 0x0A { lineEnd += 1 }
            if lineEnd < text.count { lineEnd += 1 }
            var start = lineStart
            while lineEnd - start > maxLineLength {
                // rindex($line, ' ', 2048) + 1, or 2048 when there is no space.
                var cut = 0
                var probe = min(start + maxLineLength, lineEnd - 1)
                while probe >= start {
                    if text[probe] == 0x20 {
                        cut = probe - start + 1
                        break
                    }
                    probe -= 1
                }
                if cut == 0 { cut = maxLineLength }
                result.append(Array(text[start..<(start + cut)]))
                start += cut
            }
            result.append(Array(text[start..<lineEnd]))
            lineStart = lineEnd
        }
        return result
    }

    /// `split_into_array_of_short_paragraphs`: pieces of 2048–4096 bytes, cut after a "\n", else
    /// after a ">", else after a space, else at 2048; texts up to 2048 bytes stay whole.
    static func shortParagraphs(_ text: ArraySlice<UInt8>) -> [[UInt8]] {
        let count = text.count
        guard count > maxLineLength else { return [Array(text)] }
        let base = text.startIndex
        var result: [[UInt8]] = []
        var offset = 0
        // A delimiter further than 4096 bytes from the piece's start is not used, so the search
        // stops there.
        func index(of byte: UInt8, from start: Int, before stop: Int) -> Int? {
            var position = start
            while position < min(count, stop) {
                if text[base + position] == byte { return position }
                position += 1
            }
            return nil
        }
        while count - offset > 2 * maxLineLength {
            var cut: Int?
            for delimiter in [UInt8(0x0A), UInt8(ascii: ">"), UInt8(0x20)] {
                if let found = index(of: delimiter, from: offset + maxLineLength, before: offset + 2 * maxLineLength) {
                    cut = found
                    break
                }
            }
            let end = cut ?? offset + maxLineLength
            result.append(Array(text[(base + offset)...(base + end)]))
            offset = end + 1
        }
        if offset < count { result.append(Array(text[(base + offset)...])) }
        return result
    }

    /// Cuts `text` after the first "\n" (else the first of the `fallbacks`) found within 1 KiB
    /// past `limit` bytes, else at `limit`: SpamAssassin's `*_part_scan_size` truncation.
    static func truncate(_ text: inout [UInt8], at limit: Int, fallbacks: [UInt8]) {
        guard limit > 0, text.count > limit else { return }
        for delimiter in [UInt8(0x0A)] + fallbacks {
            var position = limit
            while position < text.count, position - limit <= 1024 {
                if text[position] == delimiter {
                    text.removeSubrange((position + 1)...)
                    return
                }
                position += 1
            }
        }
        text.removeSubrange(limit...)
    }
}
