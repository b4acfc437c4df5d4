#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import MailMessage

/// Learns and forgets messages through the journal, in batches: each batch is one store
/// transaction, with the token changes of all its messages summed first, so a batch of
/// hundreds of messages costs one write per distinct token.
public struct BayesLearner: Sendable {
    public let store: any BayesStore
    public let tokenizer: Tokenizer
    /// Seconds since 1970; injected so tests control time.
    public let clock: @Sendable () -> Int64
    /// The most tokens the store may hold; 0 for no limit. See `expireIfNeeded`.
    public let maxTokens: Int

    public init(
        store: any BayesStore, tokenizer: Tokenizer = Tokenizer(), maxTokens: Int = 0,
        clock: @escaping @Sendable () -> Int64 = BayesLearner.systemClock
    ) {
        self.store = store
        self.tokenizer = tokenizer
        self.maxTokens = maxTokens
        self.clock = clock
    }

    /// When the store holds more than `maxTokens`, removes the least recently seen down to 90%
    /// of it (so that expiry does not run again at the next message). Returns how many went.
    public func expireIfNeeded() throws(BayesStoreError) -> Int {
        guard maxTokens > 0, try store.totals().tokens > maxTokens else { return 0 }
        return try store.expire(keeping: maxTokens - maxTokens / 10)
    }

    /// The wall clock, in seconds since 1970.
    public static let systemClock: @Sendable () -> Int64 = { Int64(time(nil)) }

    /// The request for one parsed message.
    public func request(for message: MailMessage, action: LearnRequest.Action) -> LearnRequest {
        // Which tokens are secondary matters to the classifier only: not worked out here.
        LearnRequest(key: MessageKey(message: message), tokens: tokenizer.tokens(of: message, marksSecondary: false), action: action)
    }

    public func learn(_ message: MailMessage, as kind: BayesClass) throws(BayesStoreError) -> LearnOutcome {
        try apply([request(for: message, action: .learn(kind))])[0]
    }

    public func forget(_ message: MailMessage) throws(BayesStoreError) -> LearnOutcome {
        try apply([request(for: message, action: .forget)])[0]
    }

    /// Applies the requests in order, in one transaction; one outcome per request.
    public func apply(_ requests: [LearnRequest]) throws(BayesStoreError) -> [LearnOutcome] {
        var given = false
        return try apply(streaming: {
            defer { given = true }
            return given ? nil : requests
        })
    }

    /// Applies requests in order as `next` gives them (nil: no more), in one transaction, as
    /// one `apply` of all of them would; one outcome per request. While `next` is still giving
    /// requests (the caller tokenizing the next ones), their token changes are summed as if
    /// each were a new message learned; the transaction then reads the journal and corrects the
    /// sums for the messages already known, relearned or forgotten, and writes them. The store
    /// is locked only for that last part.
    public func apply(streaming next: () -> [LearnRequest]?) throws(BayesStoreError) -> [LearnOutcome] {
        var table = DeltaTable(expected: 0)
        var requests: [LearnRequest] = []
        while let chunk = next() {
            for request in chunk {
                if case .learn(let kind) = request.action { table.add(request.tokens.hashes, spam: kind == .spam ? 1 : 0, ham: kind == .ham ? 1 : 0) }
            }
            requests.append(contentsOf: chunk)
        }
        let now = clock()
        let signature = tokenizer.options.signature
        return try store.transaction(expectedTokens: table.count) { (transaction: any BayesStoreTransaction) throws(BayesStoreError) -> [LearnOutcome] in
            var spam = 0, ham = 0
            var outcomes: [LearnOutcome] = []
            outcomes.reserveCapacity(requests.count)
            func add(_ tokens: TokenSet, _ kind: BayesClass, _ sign: Int) {
                table.add(tokens.hashes, spam: kind == .spam ? sign : 0, ham: kind == .ham ? sign : 0)
            }
            func count(_ kind: BayesClass, _ sign: Int) {
                if kind == .spam { spam += sign } else { ham += sign }
            }
            for request in requests {
                let entry = try transaction.journalEntry(for: request.key)
                switch (request.action, entry) {
                case (.learn(let kind), let entry?) where entry.learnedAs == kind:
                    add(request.tokens, kind, -1)
                    outcomes.append(.alreadyKnown)
                case (.learn(let kind), let entry?):
                    add(request.tokens, entry.learnedAs, -1)
                    count(entry.learnedAs, -1)
                    count(kind, +1)
                    try transaction.insertJournalEntry(JournalEntry(key: request.key, learnedAs: kind, learnedAt: now, tokenCount: request.tokens.count, signature: signature))
                    outcomes.append(.relearned)
                case (.learn(let kind), nil):
                    count(kind, +1)
                    try transaction.insertJournalEntry(JournalEntry(key: request.key, learnedAs: kind, learnedAt: now, tokenCount: request.tokens.count, signature: signature))
                    outcomes.append(.learned)
                case (.forget, let entry?):
                    add(request.tokens, entry.learnedAs, -1)
                    count(entry.learnedAs, -1)
                    try transaction.removeJournalEntry(for: request.key)
                    outcomes.append(entry.signature == signature && entry.tokenCount == request.tokens.count ? .forgotten : .forgottenApproximately)
                case (.forget, nil):
                    outcomes.append(.notLearned)
                }
            }
            try transaction.apply(table.sorted(), at: now)
            if spam != 0 || ham != 0 { try transaction.adjustTotals(spam: spam, ham: ham) }
            return outcomes
        }
    }
}
