/// What one scan of one byte string found.
public enum VirusScanResult: Sendable, Hashable {
    case clean
    /// A signature matched; the name as the engine reports it (for example
    /// "Swfilter.Test.EICAR.UNOFFICIAL").
    case infected(name: String)
    /// The input was not (fully) scanned because a limit was reached; the name says which
    /// ("Heuristics.Limits.Exceeded.MaxFileSize", "Clamd.Limits.Exceeded.StreamMaxLength").
    case limitExceeded(name: String)
    case error(VirusScanError)

    /// The prefix libclamav gives its limit alerts when `alertExceedsMax` is on.
    public static let limitAlertPrefix = "Heuristics.Limits.Exceeded"
    /// The limit a clamd server enforces on INSTREAM (its StreamMaxLength).
    public static let streamMaxLengthName = "Clamd.Limits.Exceeded.StreamMaxLength"

    /// Classifies a detection name: limit alerts become `.limitExceeded`, the rest `.infected`.
    public static func detection(_ name: String) -> VirusScanResult {
        name.hasPrefix(limitAlertPrefix) ? .limitExceeded(name: name) : .infected(name: name)
    }
}
