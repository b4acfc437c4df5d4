/// Cuts a meta expression or an `if` condition into tokens. In conditions a name may contain
/// `::` (`Mail::SpamAssassin::Plugin::Bayes`); in metas it may not, and `rules_matching(GLOB)`
/// is one token. Any other character is an error.
struct ExpressionLexer {
    enum Mode { case meta, condition }

    static let maxTokens = 100_000

    static func tokens(of text: some Collection<UInt8>, mode: Mode) throws(ExpressionError) -> [ExpressionToken] {
        let bytes = Array(text)
        var tokens: [ExpressionToken] = []
        var index = 0
        func byte(_ offset: Int) -> UInt8? { index + offset < bytes.count ? bytes[index + offset] : nil }
        while index < bytes.count {
            guard tokens.count < maxTokens else { throw ExpressionError("expression has more than \(maxTokens) tokens") }
            let current = bytes[index]
            if ByteClass.isSpace(current) {
                index += 1
                continue
            }
            if ByteClass.isDigit(current) || current == UInt8(ascii: ".") {
                let start = index
                while index < bytes.count, ByteClass.isDigit(bytes[index]) || bytes[index] == UInt8(ascii: ".") { index += 1 }
                let text = String(decoding: bytes[start..<index], as: UTF8.self)
                guard let value = Double(text), text.filter({ $0 == "." }).count <= 1 else {
                    throw ExpressionError("bad number '\(text)'")
                }
                tokens.append(.number(value))
                continue
            }
            if ByteClass.isWord(current) {
                let start = index
                while index < bytes.count {
                    let next = bytes[index]
                    if ByteClass.isWord(next) || (mode == .condition && next == UInt8(ascii: ":")) {
                        index += 1
                    } else if mode == .meta, next == UInt8(ascii: ":"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: ":") {
                        throw ExpressionError("'::' is not allowed in a meta expression")
                    } else {
                        break
                    }
                }
                let name = String(decoding: bytes[start..<index], as: UTF8.self)
                if mode == .meta, name == "rules_matching", index < bytes.count, bytes[index] == UInt8(ascii: "(") {
                    tokens.append(.rulesMatching(try glob(in: bytes, from: &index)))
                } else {
                    tokens.append(.name(name))
                }
                continue
            }
            let next = byte(1)
            let token: ExpressionToken
            var width = 1
            switch current {
            case UInt8(ascii: "("): token = .leftParen
            case UInt8(ascii: ")"): token = .rightParen
            case UInt8(ascii: "|") where next == UInt8(ascii: "|"): token = .or; width = 2
            case UInt8(ascii: "&") where next == UInt8(ascii: "&"): token = .and; width = 2
            case UInt8(ascii: "^"): token = .xor
            case UInt8(ascii: "!") where next == UInt8(ascii: "="): token = .notEqual; width = 2
            case UInt8(ascii: "!"): token = .not
            case UInt8(ascii: ">") where next == UInt8(ascii: "="): token = .greaterOrEqual; width = 2
            case UInt8(ascii: ">"): token = .greater
            case UInt8(ascii: "<") where next == UInt8(ascii: "="): token = .lessOrEqual; width = 2
            case UInt8(ascii: "<"): token = .less
            case UInt8(ascii: "=") where next == UInt8(ascii: "="): token = .equal; width = 2
            case UInt8(ascii: "+"): token = .plus
            case UInt8(ascii: "-"): token = .minus
            case UInt8(ascii: "*"): token = .times
            case UInt8(ascii: "/"): token = .divide
            case UInt8(ascii: "?"): token = .question
            case UInt8(ascii: ":"): token = .colon
            default:
                let shown = current < 0x80 ? String(Character(Unicode.Scalar(current))) : "\\x" + String(current, radix: 16)
                throw ExpressionError("unexpected character '\(shown)'")
            }
            tokens.append(token)
            index += width
        }
        return tokens
    }

    /// Reads `(GLOB)` after `rules_matching`; a glob is a rule name that may hold `*` and `?`.
    private static func glob(in bytes: [UInt8], from index: inout Int) throws(ExpressionError) -> String {
        guard let close = bytes[index...].firstIndex(of: UInt8(ascii: ")")) else {
            throw ExpressionError("rules_matching( is not closed")
        }
        let inside = bytes[(index + 1)..<close]
        let glob = ByteClass.trimmingSpaces(String(decoding: inside, as: UTF8.self))
        let globBytes = Array(glob.utf8)
        guard let first = globBytes.first, !ByteClass.isDigit(first), globBytes.count <= 128,
              globBytes.allSatisfy({ ByteClass.isWord($0) || $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "?") }) else {
            throw ExpressionError("rules_matching() needs a rule name pattern such as __FOO_*, not '\(glob)'")
        }
        index = close + 1
        return glob
    }
}
