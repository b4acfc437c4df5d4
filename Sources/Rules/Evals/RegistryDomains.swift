/// A rough stand-in for SpamAssassin's RegistryBoundaries: the registrable part of a host name
/// (its last two labels, three under a two-letter country code's common second levels) and
/// whether it ends in a known top-level domain.
enum RegistryDomains {
    private static let commonSecondLevels: Set<String> = ["co", "com", "net", "org", "gov", "edu", "ac", "or", "ne", "go", "gob", "mil", "nom"]

    static func trim(_ host: String, tlds: Set<String>) -> String {
        var host = host
        if let trimmed = host.withUTF8({ asciiTrim($0) }) { return trimmed }
        let labels = host.lowercased().split(separator: ".").map(String.init)
        guard labels.count > 2 else { return labels.joined(separator: ".") }
        let count = labels[labels.count - 1].count == 2 && commonSecondLevels.contains(labels[labels.count - 2]) ? 3 : 2
        return labels.suffix(count).joined(separator: ".")
    }

    /// The common second levels as bytes, for `asciiTrim`.
    private static let commonSecondLevelBytes = commonSecondLevels.map { Array($0.utf8) }

    /// `trim` by bytes, for ASCII without CR (where each byte is one Character); nil for other
    /// text. Only the last three labels (non-empty runs between dots) matter.
    static func asciiTrim(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard !bytes.contains(where: { $0 >= 0x80 || $0 == 0x0D }) else { return nil }
        var labels: [Range<Int>] = []
        labels.reserveCapacity(3)
        var end = bytes.count
        var moreThanThree = false
        while end > 0 {
            while end > 0, bytes[end - 1] == UInt8(ascii: ".") { end -= 1 }
            guard end > 0 else { break }
            var start = end
            while start > 0, bytes[start - 1] != UInt8(ascii: ".") { start -= 1 }
            if labels.count == 3 {
                moreThanThree = true
                break
            }
            labels.append(start..<end)
            end = start
        }
        var kept = labels.count
        if labels.count > 2 || moreThanThree {
            let secondLevel = labels[1]
            let isCommon = labels[0].count == 2 && commonSecondLevelBytes.contains { level in
                level.count == secondLevel.count && zip(level, bytes[secondLevel]).allSatisfy { $0 == ASCII.lower($1) }
            }
            kept = isCommon ? 3 : 2
        }
        let chosen = labels.prefix(kept).reversed()
        let length = chosen.reduce(0) { $0 + $1.count } + max(0, chosen.count - 1)
        return String(unsafeUninitializedCapacity: length) { buffer in
            var offset = 0
            for (index, label) in chosen.enumerated() {
                if index > 0 {
                    buffer[offset] = UInt8(ascii: ".")
                    offset += 1
                }
                for position in label {
                    buffer[offset] = ASCII.lower(bytes[position])
                    offset += 1
                }
            }
            return offset
        }
    }

    static func isValid(_ domain: String, tlds: Set<String>) -> Bool {
        let labels = domain.lowercased().split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty }), let tld = labels.last else { return false }
        return tlds.isEmpty || tlds.contains(String(tld))
    }
}
