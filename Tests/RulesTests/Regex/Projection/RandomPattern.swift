/// Random small PCRE2 patterns mixing ASCII and 8-bit atoms, and random texts, for checking
/// `PatternProjection` against the original pattern.
enum RandomPattern {
    private static let atoms = [
        "a", "b", "A", "n", "r", "rn", "&#x61;", "-", "1", "\\xc3", "\\xe9", "\\xa9", "\\x{d0}", "\\351", "[a\\xe9]", "[\\xc0-\\xff]",
        "[^\\x00-\\x7f]", "[^a]", "[\\x20-\\xff]", "[b\\xd0\\xb5]", "[\\d\\xc3]", ".", "\\w", "\\W", "\\d", "\\s", "\\b", "^", "$",
        "\\x41", "\\x4", "[[:alpha:]\\xe9]", "{", "}", "\\.", "[\\-\\xc3]",
    ]
    private static let quantifiers = ["", "", "", "?", "*", "+", "{0,2}", "{1,2}", "{2}", "??", "*+", "{1,}"]

    static func make(using random: inout SplitMix, depth: Int = 0) -> String {
        let length = Int(random.next() % 4) + 1
        var pattern = ""
        for _ in 0..<length { pattern += item(using: &random, depth: depth) }
        return pattern
    }

    private static func item(using random: inout SplitMix, depth: Int) -> String {
        let atom: String
        if depth < 3, random.next() % 3 == 0 {
            let branches = (0..<(Int(random.next() % 3) + 1)).map { _ in make(using: &random, depth: depth + 1) }
            let opener = ["(?:", "(", "(?=", "(?!", "(?>", "(?i:", "(?<=a|b|\\xc3", "(?<!\\xe9"][Int(random.next() % 8)]
            if opener.hasPrefix("(?<") {
                return opener + ")"  // lookbehinds stay fixed-length
            }
            atom = opener + branches.joined(separator: "|") + ")"
        } else {
            atom = atoms[Int(random.next() % UInt64(atoms.count))]
        }
        let quantifier = quantifiers[Int(random.next() % UInt64(quantifiers.count))]
        if atom == "^" || atom == "$" || atom == "\\b" || atom.hasPrefix("(?=") || atom.hasPrefix("(?!") || atom == "{" || atom == "}" {
            return atom
        }
        return atom + quantifier
    }

    static func asciiText(using random: inout SplitMix) -> [UInt8] {
        text(using: &random, highBytes: [])
    }

    /// Random text over a small alphabet that the atoms above can match, plus `highBytes`.
    static func text(using random: inout SplitMix, highBytes: [UInt8]) -> [UInt8] {
        let alphabet = Array("abAB rn&#x61;-1{}.".utf8) + [0x04, 0x31] + highBytes + highBytes
        let length = Int(random.next() % 16)
        return (0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }
    }
}
