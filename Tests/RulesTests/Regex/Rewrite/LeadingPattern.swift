/// Random PCRE2 patterns of the shapes `LeadingOptionalRewrite` opens: optional items and counted
/// groups at the start, followed by `RandomPattern`'s mix of atoms, groups, assertions and
/// lookarounds.
enum LeadingPattern {
    private static let optional = ["?", "*", "{0,2}", "??", "*?", "{0}"]
    private static let boundaries = ["(?:^|\\s)", "(?:\\b|\\s)", "(?:\\s|^)", "(?:[ab]|\\b|\\A)", "(?:a|^)", "(?:\\W|\\B)", "(?:$|b)"]
    private static let counted = ["", "{1}", "{2}", "{1,3}", "+", "{2,}", "{1,2}?", "+?", "{3}"]

    static func make(using random: inout SplitMix, depth: Int = 0) -> String {
        var pattern = ""
        if random.next() % 5 == 0 { pattern += ["(?i)", "(?-i)", "(?s)"][random.next(below: 3)] }
        for _ in 0..<random.next(below: 3) { pattern += optionalItem(using: &random, depth: depth) }
        if random.next() % 4 == 0 { pattern += boundaries[random.next(below: boundaries.count)] }
        if depth < 2, random.next() % 2 == 0 {
            let branches = (0..<(random.next(below: 3) + 1)).map { _ in make(using: &random, depth: depth + 1) }
            let opener = ["(?:", "(", "(?i:", "(?|"][random.next(below: 4)]
            pattern += opener + branches.joined(separator: "|") + ")" + counted[random.next(below: counted.count)]
        } else if random.next() % 4 != 0 {
            pattern += RandomPattern.make(using: &random, depth: 2)
        }
        if random.next() % 2 == 0 { pattern += RandomPattern.make(using: &random, depth: 1) }
        if depth == 0, random.next() % 6 == 0 { pattern += "|" + make(using: &random, depth: 1) }
        return pattern
    }

    private static func optionalItem(using random: inout SplitMix, depth: Int) -> String {
        let body = depth >= 3 || random.next() % 2 == 0 ? RandomPattern.make(using: &random, depth: 2) : make(using: &random, depth: depth + 1)
        return "(?:" + body + ")" + optional[random.next(below: optional.count)]
    }
}
