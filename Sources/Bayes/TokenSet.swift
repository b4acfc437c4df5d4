/// The distinct tokens of one message as 64-bit hashes, sorted. Each counts once however often
/// it occurs (the learner counts messages, not occurrences). `texts` maps hashes back to the
/// tokens they came from, when the tokenizer was asked to keep them.
public struct TokenSet: Sendable, Hashable {
    public let hashes: [UInt64]
    public let texts: [UInt64: String]

    public init(hashes: [UInt64], texts: [UInt64: String] = [:]) {
        self.hashes = hashes
        self.texts = texts
    }

    public var count: Int { hashes.count }

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
