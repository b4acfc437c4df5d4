/// A setting with a fixed set of spellings, read from a TOML string.
protocol ConfigChoice: RawRepresentable<String>, CaseIterable, Sendable {}

extension ConfigChoice {
    static var spellings: [String] { allCases.map(\.rawValue) }
}
