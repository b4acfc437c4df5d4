/// "Did you mean …?" for misspelt keys, section names and enum values.
enum KeySuggestion {
    /// The candidate nearest to `word` if it is near enough to be a plausible typo: at most one
    /// edit for short words, up to a third of the length for longer ones, or an abbreviation
    /// ("warn" for "warning"). Case is ignored.
    static func closest(to word: String, among candidates: [String]) -> String? {
        let lowered = word.lowercased()
        let target = Array(lowered.unicodeScalars)
        let allowed = max(1, min(3, target.count / 3))
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let other = candidate.lowercased()
            let distance = editDistance(target, Array(other.unicodeScalars))
            let isAbbreviation = target.count >= 3 && other.hasPrefix(lowered)
            if distance <= allowed || isAbbreviation, distance < (best?.distance ?? .max) {
                best = (candidate, distance)
            }
        }
        return best?.candidate
    }

    /// Levenshtein distance where swapping two neighbours counts as one edit (optimal string
    /// alignment): "requried" is one edit from "required", the commonest typo.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var distance = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    distance = min(distance, beforePrevious[j - 2] + 1)
                }
                current[j] = distance
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }
}
