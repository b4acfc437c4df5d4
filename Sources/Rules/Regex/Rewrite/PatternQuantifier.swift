/// A quantifier as `LeadingOptionalRewrite` reads it after an item: its bounds and its greedy,
/// lazy (`?`) or possessive (`+`) kind. An item without one is `once`.
struct PatternQuantifier: Equatable {
    enum Mode: Equatable { case greedy, lazy, possessive }

    var minimum: Int
    /// nil: no upper bound.
    var maximum: Int?
    var mode: Mode = .greedy

    static let once = PatternQuantifier(minimum: 1, maximum: 1)

    var isOnce: Bool { minimum == 1 && maximum == 1 }

    /// The same quantifier with one repetition taken off both bounds (`{n,m}` → `{n-1,m-1}`);
    /// only for a minimum of at least 1.
    var lessOne: PatternQuantifier {
        PatternQuantifier(minimum: minimum - 1, maximum: maximum.map { $0 - 1 }, mode: mode)
    }

    /// The quantifier as pattern text, in the shortest spelling PCRE2 reads the same way.
    var text: [UInt8] {
        var spelling: String
        switch (minimum, maximum) {
        case (1, 1?): spelling = ""
        case (0, 1?): spelling = "?"
        case (0, nil): spelling = "*"
        case (1, nil): spelling = "+"
        case (let low, nil): spelling = "{\(low),}"
        case (let low, let high?) where high == low: spelling = "{\(low)}"
        case (let low, let high?): spelling = "{\(low),\(high)}"
        }
        switch mode {
        case .greedy: break
        case .lazy: if !spelling.isEmpty { spelling += "?" }
        case .possessive: if !spelling.isEmpty { spelling += "+" }
        }
        return Array(spelling.utf8)
    }
}
