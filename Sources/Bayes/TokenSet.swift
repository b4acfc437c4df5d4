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
    /// The header tokens among `hashes`, sorted: those `HeaderTokenizer` made (Subject words
    /// included). The classifier decides a message whose tokens say both spam and ham strongly
    /// by these (see `ClassifierParameters.conflictTail`).
    public let header: [UInt64]
    /// The words of a header field under its name (`H:NAME:word`, and `hn:NAME`), each mapped
    /// to a number standing for the field's name: the classifier lets one field give at most
    /// `ClassifierParameters.maxTokensPerField` significant tokens.
    public let headerFields: [UInt64: UInt64]
    /// The relay tokens among `header`, sorted: those made from the Received fields (`r:`,
    /// `r0:`). A conflicted message's header lean is the mean of three groups' (see
    /// `ConflictBand`): field words (`headerFields`), relays, and the other header tokens.
    public let relays: [UInt64]
    /// Every token in the order it was made, repeats included, and where the message's
    /// structure (header end, text parts, line ends) breaks that run: kept only with the texts
    /// (`TokenizerOptions.keepTexts`), empty otherwise.
    public let sequence: [UInt64]
    public let breaks: [TokenBreak]

    public init(hashes: [UInt64], texts: [UInt64: String] = [:], secondary: [UInt64] = [], header: [UInt64] = [],
                headerFields: [UInt64: UInt64] = [:], relays: [UInt64] = [], sequence: [UInt64] = [], breaks: [TokenBreak] = []) {
        self.hashes = hashes
        self.texts = texts
        self.secondary = secondary
        self.header = header
        self.headerFields = headerFields
        self.relays = relays
        self.sequence = sequence
        self.breaks = breaks
    }

    public var count: Int { hashes.count }

    /// Whether the token with this hash is a secondary one.
    public func isSecondary(_ hash: UInt64) -> Bool {
        Self.sorted(secondary, contains: hash)
    }

    /// Whether the token with this hash came from the message's header.
    public func isHeader(_ hash: UInt64) -> Bool {
        Self.sorted(header, contains: hash)
    }

    /// Whether the token with this hash came from a Received field.
    public func isRelay(_ hash: UInt64) -> Bool {
        Self.sorted(relays, contains: hash)
    }

    private static func sorted(_ list: [UInt64], contains hash: UInt64) -> Bool {
        var low = 0, high = list.count
        while low < high {
            let middle = (low + high) / 2
            if list[middle] < hash { low = middle + 1 } else { high = middle }
        }
        return low < list.count && list[low] == hash
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
