/// `policy.reject_score`: the score at or above which spam is refused outright, or never.
public enum RejectScore: Sendable, Hashable {
    /// Spam is only tagged: the pipe filter cannot refuse, and a refused message bounces.
    case never
    case threshold(Double)

    /// nil for never, as `Filter.Policy.Thresholds.rejectScore` takes it.
    public var score: Double? {
        if case .threshold(let score) = self { return score }
        return nil
    }

    static let neverSpelling = "never"

    var literal: TOMLLiteral {
        switch self {
        case .never: return .string(Self.neverSpelling)
        case .threshold(let score): return .float(score)
        }
    }

    /// A number, or the string "never".
    static func read(_ key: String, from table: ConfigTableReader) -> RejectScore? {
        guard let value = table.value(key) else { return nil }
        if let text = value.string {
            if text == neverSpelling { return .never }
            table.report(key, "expected a number or \"never\", found \"\(text)\"")
            return nil
        }
        return table.number(key, from: value, expected: "a number or \"never\"").map(RejectScore.threshold)
    }
}
