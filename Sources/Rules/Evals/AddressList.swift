/// A named list of file-glob address patterns (`*@example.com`, `friend@isp.com`, `?` for one
/// character), as `welcomelist_from` and `enlist_addrlist` build them; matching ignores case.
struct AddressList: Sendable {
    private var patterns: [String: [UInt8]] = [:]

    var isEmpty: Bool { patterns.isEmpty }

    mutating func add(_ pattern: String) {
        let lowered = pattern.lowercased()
        patterns[lowered] = Array(lowered.utf8)
    }

    mutating func remove(_ pattern: String) {
        patterns[pattern.lowercased()] = nil
    }

    func contains(_ address: String) -> Bool {
        let lowered = Array(address.lowercased().utf8)
        return patterns.values.contains { Self.glob($0[...], matches: lowered[...]) }
    }

    /// `*` any run of bytes, `?` any one byte, everything else itself.
    static func glob(_ pattern: ArraySlice<UInt8>, matches text: ArraySlice<UInt8>) -> Bool {
        var p = pattern.startIndex, t = text.startIndex
        var star: Int?
        var starText = text.startIndex
        while t < text.endIndex {
            if p < pattern.endIndex, pattern[p] == UInt8(ascii: "?") || pattern[p] == text[t] && pattern[p] != UInt8(ascii: "*") {
                p += 1
                t += 1
            } else if p < pattern.endIndex, pattern[p] == UInt8(ascii: "*") {
                star = p
                p += 1
                starText = t
            } else if let star {
                p = star + 1
                starText += 1
                t = starText
            } else {
                return false
            }
        }
        while p < pattern.endIndex, pattern[p] == UInt8(ascii: "*") { p += 1 }
        return p == pattern.endIndex
    }
}
