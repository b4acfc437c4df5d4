/// Fixed regexes used to shape views, compiled once, with Perl-like helpers over byte strings.
struct PerlPattern: Sendable {
    let regex: CompiledRegex

    init(_ pattern: String, _ options: RegexOptions = []) {
        // The patterns are constants of this module: a failure is a programming error.
        regex = try! CompiledRegex(pattern, options: options)
    }

    func matches(_ text: [UInt8]) -> Bool {
        text.withUnsafeBufferPointer { regex.firstMatch(in: $0).isMatch }
    }

    /// The capture groups of the first match (index 0: the whole match), or nil.
    func groups(_ text: [UInt8]) -> [[UInt8]?]? {
        text.withUnsafeBufferPointer { buffer in
            regex.captures(in: buffer).map { ranges in ranges.map { $0.map { Array(buffer[$0]) } } }
        }
    }

    /// `s/pattern/replacement/` (or with `global`, `/g`), the replacement computed from the groups.
    func replacing(in text: [UInt8], global: Bool = false, with replacement: ([[UInt8]?]) -> [UInt8]) -> [UInt8] {
        text.withUnsafeBufferPointer { buffer in
            var result: [UInt8] = []
            var position = 0, copied = 0
            while position <= buffer.count, let ranges = regex.captures(in: buffer, from: position), let whole = ranges[0] {
                result += buffer[copied..<whole.lowerBound]
                result += replacement(ranges.map { $0.map { Array(buffer[$0]) } })
                copied = whole.upperBound
                position = whole.isEmpty ? whole.upperBound + 1 : whole.upperBound
                if !global { break }
            }
            guard copied > 0 || !result.isEmpty else { return text }
            result += buffer[min(copied, buffer.count)...]
            return result
        }
    }
}

extension Array where Element == UInt8 {
    var lowercasedASCII: [UInt8] { map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 } }

    func hasPrefixIgnoringCase(_ prefix: String) -> Bool {
        let expected = prefix.utf8
        guard count >= expected.count else { return false }
        return zip(self, expected).allSatisfy { ASCII.lower($0) == ASCII.lower($1) }
    }

    func contains(_ needle: String) -> Bool {
        search(needle, lowering: false)
    }

    /// `lowercasedASCII.contains(needle)` for a lower-case needle, without the copy.
    func containsIgnoringCase(_ needle: String) -> Bool {
        search(needle, lowering: true)
    }

    /// Whether `needle`'s bytes occur in the array, its bytes lower-cased first when `lowering`.
    private func search(_ needle: String, lowering: Bool) -> Bool {
        var needle = needle
        return needle.withUTF8 { pattern in
            guard count >= pattern.count else { return pattern.isEmpty }
            guard !pattern.isEmpty else { return true }
            return withUnsafeBufferPointer { bytes in
                var start = 0
                while start <= bytes.count - pattern.count {
                    var matched = 0
                    while matched < pattern.count {
                        let byte = bytes[start + matched]
                        guard (lowering ? ASCII.lower(byte) : byte) == pattern[matched] else { break }
                        matched += 1
                    }
                    if matched == pattern.count { return true }
                    start += 1
                }
                return false
            }
        }
    }
}

extension ArraySlice where Element == UInt8 {
    var lowercasedASCII: [UInt8] { map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 } }
}
