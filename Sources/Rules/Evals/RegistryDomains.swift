/// A rough stand-in for SpamAssassin's RegistryBoundaries: the registrable part of a host name
/// (its last two labels, three under a two-letter country code's common second levels) and
/// whether it ends in a known top-level domain.
enum RegistryDomains {
    private static let commonSecondLevels: Set<String> = ["co", "com", "net", "org", "gov", "edu", "ac", "or", "ne", "go", "gob", "mil", "nom"]

    static func trim(_ host: String, tlds: Set<String>) -> String {
        let labels = host.lowercased().split(separator: ".").map(String.init)
        guard labels.count > 2 else { return labels.joined(separator: ".") }
        let count = labels[labels.count - 1].count == 2 && commonSecondLevels.contains(labels[labels.count - 2]) ? 3 : 2
        return labels.suffix(count).joined(separator: ".")
    }

    static func isValid(_ domain: String, tlds: Set<String>) -> Bool {
        let labels = domain.lowercased().split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty }), let tld = labels.last else { return false }
        return tlds.isEmpty || tlds.contains(String(tld))
    }
}
