/// One `name=value` as written, before RFC 2231 sections are merged.
struct RawHeaderParameter {
    /// Lower-cased.
    var name: [UInt8]
    /// Unquoted, with quoted-pair backslashes removed and comments dropped.
    var value: [UInt8]
}

/// Cuts an RFC 2045 header value into its main value and raw parameters, tolerating what real
/// mail does: comments anywhere, missing and extra semicolons, unquoted values with spaces and
/// specials, unterminated quotes.
struct HeaderParameterScanner {
    private let bytes: [UInt8]
    private var position = 0
    /// Whether a `;` (or the start of the parameter list) came before the next parameter.
    private var separated = true
    private(set) var malformed = false

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    private static let semicolon = UInt8(ascii: ";"), equals = UInt8(ascii: "="), quote = UInt8(ascii: "\"")
    private static let openParen = UInt8(ascii: "("), closeParen = UInt8(ascii: ")"), backslash = UInt8(ascii: "\\")

    @inline(__always) private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A
    }

    /// Bytes that stop a run copied as is in a main or unquoted value: each needs a look of its own.
    @inline(__always) private static func endsPlainRun(_ byte: UInt8) -> Bool {
        byte == semicolon || byte == openParen || byte == quote || isSpace(byte)
    }

    /// The value before the first `;`, without comments, trimmed. A parameter written after it
    /// without a semicolon (`text/plain charset=us-ascii`) is left for `nextParameter`.
    mutating func mainValue() -> [UInt8] {
        var main: [UInt8] = []
        while position < bytes.count {
            let byte = bytes[position]
            if byte == Self.semicolon {
                position += 1
                break
            } else if byte == Self.openParen {
                skipComment()
            } else if byte == Self.quote {
                main += quotedString()
            } else if Self.isSpace(byte), startsParameter(after: position) {
                malformed = true
                break
            } else {
                let runStart = position
                position += 1
                while position < bytes.count, !Self.endsPlainRun(bytes[position]) { position += 1 }
                main.append(contentsOf: bytes[runStart..<position])
            }
        }
        return trimmed(main)
    }

    /// The next `name=value`, or nil at the end. Names without `=` are skipped and reported.
    mutating func nextParameter() -> RawHeaderParameter? {
        while true {
            skipSpaceAndComments()
            guard position < bytes.count else { return nil }
            if bytes[position] == Self.semicolon {
                separated = true
                position += 1
                continue
            }
            if !separated { malformed = true }
            separated = false
            let nameStart = position
            while position < bytes.count {
                let byte = bytes[position]
                if byte == Self.equals || byte == Self.semicolon || byte == Self.openParen || byte == Self.quote || Self.isSpace(byte) { break }
                position += 1
            }
            let name = bytes[nameStart..<position].map(HeaderText.lowerASCII)
            guard !name.isEmpty else {
                malformed = true
                skipToSemicolon()
                continue
            }
            skipSpaceAndComments()
            // A name without `=` is dropped; what follows it is read as the next parameter.
            guard position < bytes.count, bytes[position] == Self.equals else {
                malformed = true
                continue
            }
            position += 1
            skipSpaceAndComments()
            let value: [UInt8]
            if position < bytes.count, bytes[position] == Self.quote {
                value = quotedString()
            } else {
                value = unquotedValue()
                if value.isEmpty { malformed = true }
            }
            return RawHeaderParameter(name: name, value: value)
        }
    }

    /// An unquoted value runs to the next `;`; it may hold spaces (`name=my file.pdf`) unless
    /// what follows a space looks like the next parameter (`charset=us-ascii format=flowed`).
    private mutating func unquotedValue() -> [UInt8] {
        var value: [UInt8] = []
        while position < bytes.count {
            let byte = bytes[position]
            if byte == Self.semicolon {
                break
            } else if byte == Self.openParen {
                skipComment()
            } else if Self.isSpace(byte), startsParameter(after: position) {
                break
            } else {
                let runStart = position
                position += 1
                while position < bytes.count, !Self.endsPlainRun(bytes[position]) { position += 1 }
                value.append(contentsOf: bytes[runStart..<position])
            }
        }
        return trimmed(value)
    }

    /// Whether the white space at `index` is followed by `token=`, a parameter whose semicolon is missing.
    private func startsParameter(after index: Int) -> Bool {
        var cursor = index
        while cursor < bytes.count, Self.isSpace(bytes[cursor]) { cursor += 1 }
        let tokenStart = cursor
        while cursor < bytes.count, isTokenByte(bytes[cursor]) { cursor += 1 }
        return cursor > tokenStart && cursor < bytes.count && bytes[cursor] == Self.equals
    }

    /// The content of the quoted string at `position`; an unterminated one runs to the end.
    private mutating func quotedString() -> [UInt8] {
        var value: [UInt8] = []
        position += 1
        while position < bytes.count {
            let runStart = position
            while position < bytes.count, bytes[position] != Self.quote, bytes[position] != Self.backslash { position += 1 }
            value.append(contentsOf: bytes[runStart..<position])
            guard position < bytes.count else { break }
            let byte = bytes[position]
            position += 1
            if byte == Self.quote { return value }
            // A backslash quotes the next byte; a trailing one stands for itself.
            if position < bytes.count {
                value.append(bytes[position])
                position += 1
            } else {
                value.append(byte)
            }
        }
        malformed = true
        return value
    }

    /// Skips a comment at `position`, nested, with quoted pairs; an unterminated one runs to the end.
    private mutating func skipComment() {
        var depth = 0
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            if byte == Self.backslash {
                position += 1
            } else if byte == Self.openParen {
                depth += 1
            } else if byte == Self.closeParen {
                depth -= 1
                if depth == 0 { return }
            }
        }
        position = bytes.count
        malformed = true
    }

    private mutating func skipSpaceAndComments() {
        while position < bytes.count {
            if Self.isSpace(bytes[position]) {
                position += 1
            } else if bytes[position] == Self.openParen {
                skipComment()
            } else {
                return
            }
        }
    }

    /// Skips junk up to the next `;`, over quoted strings and comments.
    private mutating func skipToSemicolon() {
        while position < bytes.count, bytes[position] != Self.semicolon {
            if bytes[position] == Self.quote {
                _ = quotedString()
            } else if bytes[position] == Self.openParen {
                skipComment()
            } else {
                position += 1
            }
        }
    }

    private func trimmed(_ value: [UInt8]) -> [UInt8] {
        var start = 0, end = value.count
        while start < end, Self.isSpace(value[start]) { start += 1 }
        while end > start, Self.isSpace(value[end - 1]) { end -= 1 }
        return start == 0 && end == value.count ? value : Array(value[start..<end])
    }
}
