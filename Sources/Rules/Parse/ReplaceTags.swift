/// The ReplaceTags plugin: `replace_tag`, `replace_pre`, `replace_inter`, `replace_post` define
/// snippets; in the rules named by `replace_rules`, `<A>` becomes the snippet of tag A,
/// `<pre X>` / `<post X>` put snippet X before / after every tag, and `<inter X>` puts X between
/// two adjacent tags. Runs after all files are read, like SpamAssassin.
struct ReplaceTags {
    var start: [UInt8] = Array("<".utf8)
    var end: [UInt8] = Array(">".utf8)
    var tags: [String: [UInt8]] = [:]
    var pre: [String: [UInt8]] = [:]
    var inter: [String: [UInt8]] = [:]
    var post: [String: [UInt8]] = [:]

    static let maxPasses = 6

    /// The pattern body with its tags replaced. `hasModifiers` mirrors SpamAssassin working on
    /// the `(?i)`-prefixed pattern text: without modifiers, a pattern that starts with a tag gets
    /// an `inter` snippet in front.
    func apply(to body: [UInt8], hasModifiers: Bool) -> [UInt8] {
        var pattern = body
        for _ in 0..<Self.maxPasses {
            let preName = Self.takeDirective("pre", from: &pattern, start: start, end: end)
            let postName = Self.takeDirective("post", from: &pattern, start: start, end: end)
            let interName = Self.takeDirective("inter", from: &pattern, start: start, end: end)
            var pieces = splitTags(pattern)
            if !hasModifiers && pieces.first?.isTag == true { pieces.insert(Piece(bytes: [], isTag: false), at: 0) }
            let preSnippet = preName.flatMap { pre[$0] }
            let postSnippet = postName.flatMap { post[$0] }
            let interSnippet = interName.flatMap { inter[$0] }
            var again = false
            var result: [UInt8] = []
            result.reserveCapacity(pattern.count * 2)
            for (offset, piece) in pieces.enumerated() {
                guard piece.isTag else {
                    let betweenTags = piece.bytes.isEmpty && offset + 1 < pieces.count
                    result.append(contentsOf: betweenTags ? (interSnippet ?? []) : piece.bytes)
                    continue
                }
                if let preSnippet { result.append(contentsOf: preSnippet) }
                let name = String(decoding: piece.bytes.dropFirst(start.count).dropLast(end.count), as: UTF8.self)
                if let replacement = tags[name], !replacement.isEmpty {
                    result.append(contentsOf: replacement)
                    if Self.containsTag(replacement) { again = true }
                } else {
                    result.append(contentsOf: piece.bytes)
                }
                if let postSnippet { result.append(contentsOf: postSnippet) }
            }
            pattern = result
            if !again { break }
        }
        return pattern
    }

    private struct Piece {
        var bytes: [UInt8]
        var isTag: Bool
    }

    /// Text and `<…>` pieces, with an empty text piece between two adjacent tags.
    private func splitTags(_ pattern: [UInt8]) -> [Piece] {
        var pieces: [Piece] = []
        var text: [UInt8] = []
        var index = 0
        var previousWasTag = false
        while index < pattern.count {
            if let tagEnd = tag(in: pattern, at: index) {
                if !text.isEmpty || previousWasTag { pieces.append(Piece(bytes: text, isTag: false)) }
                text = []
                pieces.append(Piece(bytes: Array(pattern[index..<tagEnd]), isTag: true))
                previousWasTag = true
                index = tagEnd
            } else {
                text.append(pattern[index])
                previousWasTag = false
                index += 1
            }
        }
        if !text.isEmpty { pieces.append(Piece(bytes: text, isTag: false)) }
        return pieces
    }

    /// End of a `<name>` starting at `index` (no start or end marker inside), or nil.
    private func tag(in pattern: [UInt8], at index: Int) -> Int? {
        guard pattern[index...].starts(with: start) else { return nil }
        var probe = index + start.count
        let nameStart = probe
        while probe < pattern.count {
            if pattern[probe...].starts(with: end) { return probe > nameStart ? probe + end.count : nil }
            if pattern[probe...].starts(with: start) { return nil }
            probe += 1
        }
        return nil
    }

    private static func containsTag(_ bytes: [UInt8]) -> Bool {
        guard let open = bytes.firstIndex(of: UInt8(ascii: "<")) else { return false }
        return bytes[(open + 1)...].dropFirst().contains(UInt8(ascii: ">"))
    }

    /// Removes the first `<kind NAME>` and returns NAME.
    private static func takeDirective(_ kind: String, from pattern: inout [UInt8], start: [UInt8], end: [UInt8]) -> String? {
        let prefix = start + Array(kind.utf8) + [UInt8(ascii: " ")]
        var index = 0
        while index + prefix.count < pattern.count {
            if pattern[index...].starts(with: prefix) {
                var probe = index + prefix.count + 1
                while probe < pattern.count, !pattern[probe...].starts(with: end) { probe += 1 }
                guard probe < pattern.count else { return nil }
                let name = String(decoding: pattern[(index + prefix.count)..<probe], as: UTF8.self)
                pattern.removeSubrange(index..<(probe + end.count))
                return name
            }
            index += 1
        }
        return nil
    }
}
