/// `virus.backend`: where viruses are scanned.
public enum VirusBackend: String, Sendable, CaseIterable, ConfigChoice {
    /// libclamav inside the swfilter process: no socket round trip, one engine shared by threads.
    case libclamav
    /// A clamd daemon over INSTREAM, for sites that run one clamd for many filters.
    case clamd
}
