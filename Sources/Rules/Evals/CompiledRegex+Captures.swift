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

    func matches(bytes text: [UInt8]) -> Bool { text.withUnsafeBufferPointer { firstMatch(in: $0).isMatch } }

    func matches(bytes text: ArraySlice<UInt8>) -> Bool { text.withUnsafeBufferPointer { firstMatch(in: $0).isMatch } }

    /// The capture groups of the first match in `text` (ranges of `text`'s indices), nil when there is none.
    func captureGroups(in text: ArraySlice<UInt8>) -> [Range<Int>?]? {
        let offset = text.startIndex
        return text.withUnsafeBufferPointer { captures(in: $0) }?.map { $0.map { ($0.lowerBound + offset)..<($0.upperBound + offset) } }
    }
}
