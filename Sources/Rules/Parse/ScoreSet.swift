/// SpamAssassin's four score columns: whether Bayes and network tests are in use.
public enum ScoreSet: Int, Sendable, Hashable, CaseIterable {
    /// Set 0: no Bayes, no network tests.
    case local = 0
    /// Set 1: network tests, no Bayes.
    case network = 1
    /// Set 2: Bayes, no network tests.
    case bayes = 2
    /// Set 3: Bayes and network tests.
    case bayesNetwork = 3

    public init(bayes: Bool, network: Bool) {
        self = ScoreSet(rawValue: (bayes ? 2 : 0) + (network ? 1 : 0))!
    }
}
