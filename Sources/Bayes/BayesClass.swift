/// What a message is learned as.
public enum BayesClass: String, Sendable, Hashable, Codable, CaseIterable {
    case spam, ham

    public var other: BayesClass { self == .spam ? .ham : .spam }
}
