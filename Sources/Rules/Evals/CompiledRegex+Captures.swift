extension CompiledRegex {
    /// The capture groups of the first match in `text`, nil when there is none.
    func captureGroups(in text: [UInt8]) -> [Range<Int>?]? {
        text.withUnsafeBufferPointer { captures(in: $0) }
    }

    /// The text of group 1 of the first match, nil when there is none.
    func firstGroup(in text: [UInt8]) -> [UInt8]? {
        guard let groups = captureGroups(in: text), groups.count > 1, let range = groups[1] else { return nil }
        return Array(text[range])
    }

    func matches(_ text: String) -> Bool { firstMatch(in: Array(text.utf8)).isMatch }
}
