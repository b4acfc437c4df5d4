/// Why a Bayes store could not do what was asked.
public struct BayesStoreError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        /// The file is not a database of ours (or is damaged).
        case corrupt
        /// The file or its directory cannot be opened, read or written.
        case unavailable
        /// Another process held the database locked for longer than the busy timeout.
        case busy
        /// The database was written by a newer swfilter.
        case unsupportedVersion
        /// Anything else the database reported.
        case failed
    }

    public let kind: Kind
    public let location: String
    public let detail: String

    public init(_ kind: Kind, location: String, detail: String) {
        self.kind = kind
        self.location = location
        self.detail = detail
    }

    public var description: String {
        switch kind {
        case .corrupt: "Bayes database \(location) is damaged or not a swfilter database (\(detail)); move it away and restore from a dump, or learn again"
        case .unavailable: "Bayes database \(location) cannot be used: \(detail)"
        case .busy: "Bayes database \(location) stayed locked by another process: \(detail)"
        case .unsupportedVersion: "Bayes database \(location) was written by a newer swfilter (\(detail))"
        case .failed: "Bayes database \(location): \(detail)"
        }
    }
}
