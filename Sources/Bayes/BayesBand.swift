/// SpamAssassin's Bayes bands, as its 23_bayes.cf defines them with `check_bayes(min, max)`:
/// a probability p is in a band when min < p ≤ max (min = 0 includes 0). BAYES_999 lies inside
/// BAYES_99 and fires with it. The rules engine scores these names; the analyzer only reports
/// the probability.
public enum BayesBand: String, Sendable, CaseIterable, Comparable {
    case bayes00 = "BAYES_00", bayes05 = "BAYES_05", bayes20 = "BAYES_20", bayes40 = "BAYES_40"
    case bayes50 = "BAYES_50", bayes60 = "BAYES_60", bayes80 = "BAYES_80", bayes95 = "BAYES_95"
    case bayes99 = "BAYES_99"

    /// (min, max] of each band, in order.
    public var range: (min: Double, max: Double) {
        switch self {
        case .bayes00: (0.00, 0.01)
        case .bayes05: (0.01, 0.05)
        case .bayes20: (0.05, 0.20)
        case .bayes40: (0.20, 0.40)
        case .bayes50: (0.40, 0.60)
        case .bayes60: (0.60, 0.80)
        case .bayes80: (0.80, 0.95)
        case .bayes95: (0.95, 0.99)
        case .bayes99: (0.99, 1.00)
        }
    }

    /// The band holding `probability` (clamped to 0…1).
    public init(probability: Double) {
        let p = min(max(probability.isNaN ? 0.5 : probability, 0), 1)
        self = Self.allCases.first { Self.check(p, min: $0.range.min, max: $0.range.max) } ?? .bayes99
    }

    /// SpamAssassin's `check_bayes(min, max)` test.
    public static func check(_ probability: Double, min: Double, max: Double) -> Bool {
        (min == 0 || probability > min) && probability <= max
    }

    /// The rule names that fire for a probability: its band, and BAYES_999 above 0.999.
    public static func ruleNames(for probability: Double) -> [String] {
        let band = BayesBand(probability: probability)
        return check(probability, min: 0.999, max: 1.0) ? [band.rawValue, "BAYES_999"] : [band.rawValue]
    }

    public static func < (lhs: BayesBand, rhs: BayesBand) -> Bool { lhs.range.min < rhs.range.min }
}
