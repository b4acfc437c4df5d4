extension PatternFactoring {
    /// Where one group's bytes occur in the texts of a factoring round, and how many copies of
    /// them PCRE2 would compile.
    struct Occurrences {
        var weight = 0
        /// In the order the groups were scanned: text by text, each text's groups in order.
        var spans: [(text: Int, range: Range<Int>)] = []

        mutating func add(copies: Int, text: Int, range: Range<Int>) {
            weight += copies
            spans.append((text, range))
        }
    }
}
