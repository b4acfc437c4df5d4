/// Shrinks a PCRE2 pattern that is too large to compile. PCRE2 compiles a group repeated
/// `{m,n}` as n copies of it, so nested bounded repeats (`(?:…(?:…){1,100}…){5}`, as the stock
/// FILL_THIS_FORM rules build them from replace tags) outgrow the 64 KiB a compiled pattern may
/// take with Debian's PCRE2, where Perl has no such limit. Here each big repeated non-capturing
/// group is written once as a named group and repeated as subroutine calls, which match the
/// same text (PCRE2 backtracks into calls) but take a few bytes each:
/// `(?:X){m,n}` becomes `(?:(?<sw_fold_1>X)(?&sw_fold_1){m-1,n-1})` (and `…)?` when m is 0).
/// The named groups add captures, so a pattern with numbered back-references is left alone.
enum RegexRepeatFolding {
    /// A group is folded when its body times its repetition count exceeds this many bytes.
    static let minimumExpansion = 1024

    /// The folded pattern, or nil when nothing was folded (or the pattern has back-references).
    static func fold(_ source: [UInt8]) -> [UInt8]? {
        guard !hasNumberedBackReference(source) else { return nil }
        var folder = Folder(source: source)
        let output = folder.sequence(until: nil)
        return folder.folded > 0 && folder.index == source.count ? output : nil
    }

    private static func hasNumberedBackReference(_ source: [UInt8]) -> Bool {
        var index = 0
        while index + 1 < source.count {
            if source[index] == UInt8(ascii: "\\") {
                let next = source[index + 1]
                if (next >= UInt8(ascii: "1") && next <= UInt8(ascii: "9")) || next == UInt8(ascii: "g") { return true }
                index += 2
            } else {
                index += 1
            }
        }
        return false
    }

    private struct Folder {
        let source: [UInt8]
        var index = 0
        var folded = 0

        init(source: [UInt8]) {
            self.source = source
        }

        mutating func sequence(until closing: UInt8?) -> [UInt8] {
            var output: [UInt8] = []
            while index < source.count {
                let byte = source[index]
                if let closing, byte == closing { return output }
                switch byte {
                case UInt8(ascii: "\\"):
                    output += escape()
                case UInt8(ascii: "["):
                    output += characterClass()
                case UInt8(ascii: "("):
                    output += group()
                default:
                    output.append(byte)
                    index += 1
                }
            }
            return output
        }

        /// `\x`, or `\Q…\E` whole.
        private mutating func escape() -> [UInt8] {
            let start = index
            if index + 1 < source.count, source[index + 1] == UInt8(ascii: "Q") {
                index += 2
                while index < source.count, !(source[index] == UInt8(ascii: "\\") && index + 1 < source.count && source[index + 1] == UInt8(ascii: "E")) {
                    index += 1
                }
                index = min(index + 2, source.count)
            } else {
                index = min(index + 2, source.count)
            }
            return Array(source[start..<index])
        }

        private mutating func characterClass() -> [UInt8] {
            let start = index
            index += 1
            if index < source.count, source[index] == UInt8(ascii: "^") { index += 1 }
            if index < source.count, source[index] == UInt8(ascii: "]") { index += 1 }
            while index < source.count, source[index] != UInt8(ascii: "]") {
                if source[index] == UInt8(ascii: "\\") {
                    index += 2
                } else if source[index] == UInt8(ascii: "["), index + 1 < source.count, source[index + 1] == UInt8(ascii: ":") {
                    // A POSIX class such as [:alpha:] inside the class.
                    index += 2
                    while index + 1 < source.count, !(source[index] == UInt8(ascii: ":") && source[index + 1] == UInt8(ascii: "]")) { index += 1 }
                    index += 2
                } else {
                    index += 1
                }
            }
            index = min(index + 1, source.count)
            return Array(source[start..<index])
        }

        private mutating func group() -> [UInt8] {
            let start = index
            guard let headerLength = bodyStart() else {
                // Groups without a body to fold into (lookbehinds, calls, conditionals, verbs,
                // comments) are copied exactly as written.
                skipGroup()
                return Array(source[start..<index])
            }
            let isPlain = source[start...].starts(with: Array("(?:".utf8))
            index += headerLength
            let opening = Array(source[start..<index])
            let body = sequence(until: UInt8(ascii: ")"))
            guard index < source.count else { return opening + body }
            index += 1  // ")"
            let quantifierStart = index
            let repetition = quantifier()
            let written = Array(source[quantifierStart..<index])
            guard isPlain, let repetition, repetition.maximum.map({ $0 >= 2 }) ?? true,
                  body.count * (repetition.maximum ?? repetition.minimum + 1) > RegexRepeatFolding.minimumExpansion else {
                return opening + body + [UInt8(ascii: ")")] + written
            }
            folded += 1
            let name = Array("sw_fold_\(folded)".utf8)
            let named = Array("(?<".utf8) + name + [UInt8(ascii: ">")] + body + [UInt8(ascii: ")")]
            let lowerCalls = max(repetition.minimum - 1, 0)
            let upperCalls = repetition.maximum.map { String($0 - 1) } ?? ""
            let calls = Array("(?&".utf8) + name + Array(")".utf8) + Array("{\(lowerCalls),\(upperCalls)}".utf8) + repetition.suffix
            var output = Array("(?:".utf8) + named + calls + [UInt8(ascii: ")")]
            if repetition.minimum == 0 { output += [UInt8(ascii: "?")] + repetition.suffix }
            return output
        }

        /// How many bytes open the group at `index` before its body: "(" for a capturing group,
        /// "(?:", "(?=", "(?!", "(?>", "(?|", "(?<name>", "(?P<name>", "(?'name'", "(?flags:" and
        /// "(?flags)" (whose body is empty); nil for anything else.
        private func bodyStart() -> Int? {
            var probe = index + 1
            guard probe < source.count else { return nil }
            if source[probe] != UInt8(ascii: "?") { return source[probe] == UInt8(ascii: "*") ? nil : 1 }
            probe += 1
            guard probe < source.count else { return nil }
            switch source[probe] {
            case UInt8(ascii: ":"), UInt8(ascii: "="), UInt8(ascii: "!"), UInt8(ascii: ">"), UInt8(ascii: "|"):
                return probe + 1 - index
            case UInt8(ascii: "<"), UInt8(ascii: "P"), UInt8(ascii: "'"):
                if source[probe] == UInt8(ascii: "P") {
                    probe += 1
                    guard probe < source.count, source[probe] == UInt8(ascii: "<") else { return nil }
                }
                let close = source[probe] == UInt8(ascii: "'") ? UInt8(ascii: "'") : UInt8(ascii: ">")
                probe += 1
                guard probe < source.count, source[probe] != UInt8(ascii: "="), source[probe] != UInt8(ascii: "!") else { return nil }
                while probe < source.count, source[probe] != close {
                    let byte = source[probe]
                    let isNameByte = (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F
                    guard isNameByte else { return nil }
                    probe += 1
                }
                return probe < source.count ? probe + 1 - index : nil
            default:
                while probe < source.count {
                    let byte = source[probe]
                    if byte == UInt8(ascii: ":") { return probe + 1 - index }
                    if byte == UInt8(ascii: ")") { return probe - index }
                    let isFlag = (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "^")
                    guard isFlag else { return nil }
                    probe += 1
                }
                return nil
            }
        }

        /// A `{m}`, `{m,}` or `{m,n}` at the current position, with its lazy "?", consumed. A
        /// possessive one is consumed but not returned: it is not folded.
        private mutating func quantifier() -> (minimum: Int, maximum: Int?, suffix: [UInt8])? {
            guard index < source.count, source[index] == UInt8(ascii: "{") else { return nil }
            var probe = index + 1
            func number() -> Int? {
                let start = probe
                while probe < source.count, source[probe] >= UInt8(ascii: "0"), source[probe] <= UInt8(ascii: "9") { probe += 1 }
                return probe > start ? Int(String(decoding: source[start..<probe], as: UTF8.self)) : nil
            }
            guard let minimum = number() else { return nil }
            var maximum: Int? = minimum
            if probe < source.count, source[probe] == UInt8(ascii: ",") {
                probe += 1
                maximum = number()
            }
            guard probe < source.count, source[probe] == UInt8(ascii: "}") else { return nil }
            probe += 1
            var suffix: [UInt8] = []
            if probe < source.count, source[probe] == UInt8(ascii: "?") {
                suffix = [UInt8(ascii: "?")]
                probe += 1
            } else if probe < source.count, source[probe] == UInt8(ascii: "+") {
                index = probe + 1
                return nil
            }
            index = probe
            return (minimum, maximum, suffix)
        }

        private mutating func skipGroup() {
            var depth = 0
            while index < source.count {
                switch source[index] {
                case UInt8(ascii: "\\"): index += 2; continue
                case UInt8(ascii: "["): _ = characterClass(); continue
                case UInt8(ascii: "("): depth += 1
                case UInt8(ascii: ")"):
                    depth -= 1
                    if depth == 0 { index += 1; return }
                default: break
                }
                index += 1
            }
        }
    }
}
