/// How much swfilter logs; each level includes the ones after it.
public enum LogLevel: String, Sendable, CaseIterable, Comparable, ConfigChoice {
    case debug, info, notice, warning, error

    public static func < (lhs: LogLevel, rhs: LogLevel) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
