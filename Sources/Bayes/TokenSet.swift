/// The distinct tokens of one message as 64-bit hashes, sorted. Each counts once however often
/// it occurs (the learner counts messages, not occurrences). `texts` maps hashes back to the
/// tokens they came from, when the tokenizer was asked to keep them.
public struct TokenSet: Sendable, Hashable {
    public let hashes: [UInt64]
    public let texts: [UInt64: String]
    /// The secondary tokens among `hashes`, sorted: those made from words that are tokens of
    /// their own already (word pairs `b:`, case-kept words `C:`). The classifier holds them to a
    /// higher count (`ClassifierParameters.minSecondaryCount`), since a rare pair or capitalised
    /// word repeats the evidence of the rare words it is made of.
    public let secondary: [UInt64]

    public init(hashes: [UInt64], texts: [UInt64: String] = [:], secondary: [UInt64] = []) {
        self.hashes = hashes
        self.texts = texts
        self.secondary = secondary
    }

    public var count: Int { hashes.count }

    /// Whether the token with this hash is a secondary one.
    public func isSecondary(_ hash: UInt64) -> Bool {
        var low = 0, high = secondary.count
        while low < high {
            let middle = (low + high) / 2
            if secondary[middle] < hash { low = middle + 1 } else { high = middle }
        }
        return low < secondary.count && secondary[low] == hash
    }

    /// Whether a token written as text ("s:free") is in the set.
    public func contains(_ token: String) -> Bool {
        let hash = TokenHasher.hash(token)
        var low = 0, high = hashes.count
        while low < high {
            let middle = (low + high) / 2
            if hashes[middle] < hash { low = middle + 1 } else { high = middle }
        }
        return low < hashes.count && hashes[low] == hash
    }
}
