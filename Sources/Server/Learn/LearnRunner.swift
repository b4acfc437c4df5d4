import Bayes
import Foundation
import MailMessage
import ScanModel
import Storage

/// `swfilter learn`: learns messages as spam or ham, forgets them, and shows, dumps or restores
/// the Bayes database. Messages come from files, directories, mbox files and Maildirs; they are
/// read in batches, parsed and tokenized on every core, and written in transactions of many
/// batches: one write per distinct token of a transaction is what learning costs, so a
/// transaction takes as many messages as its token limit allows.
public struct LearnRunner: Sendable {
    public let store: any BayesStore
    public let learner: BayesLearner
    public let classifier: ClassifierParameters
    public let limits: MessageLimits
    public let maxMessageBytes: Int
    /// Messages parsed and tokenized together (on every core).
    public let batchSize: Int
    /// Raw message bytes parsed and tokenized together, at most (one larger message goes alone).
    public let batchBytes: Int
    /// A transaction is written once its messages give this many tokens (summed over messages),
    /// or at the end: they are held tokenized in memory (8 bytes a token) until then.
    public let transactionTokens: Int

    public init(store: any BayesStore, learner: BayesLearner, classifier: ClassifierParameters = ClassifierParameters(),
                limits: MessageLimits = .default, maxMessageBytes: Int = 50 << 20, batchSize: Int = 256,
                batchBytes: Int = 16 << 20, transactionTokens: Int = LearnRunner.defaultTransactionTokens) {
        self.store = store
        self.learner = learner
        self.classifier = classifier
        self.limits = limits
        self.maxMessageBytes = maxMessageBytes
        self.batchSize = max(1, batchSize)
        self.batchBytes = max(1, batchBytes)
        self.transactionTokens = max(1, transactionTokens)
    }

    /// 4 Mi tokens: 32 MiB of token hashes held, about 10,000 typical messages a transaction.
    public static let defaultTransactionTokens = 1 << 22

    /// As configured: the database in the state directory, created when missing.
    public init(config: SwfilterConfig, transactionTokens: Int = LearnRunner.defaultTransactionTokens) {
        let store = BayesComposition.store(for: config, create: true)
        self.init(store: store, learner: BayesComposition.learner(for: config, store: store), classifier: config.bayes.classifier,
                  limits: config.messageLimits, maxMessageBytes: config.limits.maxMessageBytes, transactionTokens: transactionTokens)
    }

    /// Learns and forgets; writes the summary to `output`, problems to `errors`.
    public func learn(spam: [String], ham: [String], forget: [String], progress: Bool = true, output: Int32 = 1, errors: Int32 = 2) -> Sysexits {
        let out = FileStream(output), err = FileStream(errors)
        let work: [(String, LearnRequest.Action)] = spam.map { ($0, .learn(.spam)) } + ham.map { ($0, .learn(.ham)) } + forget.map { ($0, .forget) }
        // Sizing the input walks every directory: only for a bar that will be drawn.
        let drawsBar = progress && isatty(errors) == 1
        var bar = LearnProgress(descriptor: errors, totalBytes: drawsBar ? LearnProgress.inputBytes(work.map(\.0)) : 0, enabled: drawsBar)
        let start = LearnProgress.now()
        var tally = LearnTally()
        var status = Sysexits.ok
        var bytesRead = 0
        var batch: [(bytes: [UInt8], action: LearnRequest.Action)] = []
        var batchBytes = 0
        var submitted = 0
        let writer = BatchWriter(learner: learner)
        // One batch is parsed and tokenized (on every core) while the next is read.
        let parser = DispatchQueue(label: "swfilter.learn.parse")
        let parsing = DispatchGroup()
        let handoff = ParseHandoff()

        func flush(final: Bool = false) throws(BayesStoreError) {
            parsing.wait()
            if let failure = handoff.failure { throw failure }
            if !batch.isEmpty {
                let items = batch
                batch = []
                batchBytes = 0
                submitted += items.count
                parsing.enter()
                parser.async { [self] in
                    defer { parsing.leave() }
                    let learner = self.learner, limits = self.limits
                    let requests = ParallelMap.map(items) { item in
                        learner.request(for: MailMessage(parsing: item.bytes, limits: limits), action: item.action)
                    }
                    do throws(BayesStoreError) {
                        try writer.submit(requests)
                        for request in requests { handoff.pendingTokens += request.tokens.count }
                        if handoff.pendingTokens >= transactionTokens {
                            try writer.commit()
                            handoff.pendingTokens = 0
                        }
                    } catch {
                        handoff.failure = error
                    }
                }
            }
            if final {
                parsing.wait()
                if let failure = handoff.failure { throw failure }
            }
        }

        do throws(BayesStoreError) {
            for (path, action) in work {
                let reader: MailboxReader
                do {
                    reader = try MailboxReader(path: path, maxMessageBytes: maxMessageBytes)
                } catch {
                    bar.finish()
                    err.writeLine("swfilter learn: \(error)")
                    status = .noInput
                    continue
                }
                for item in reader {
                    switch item {
                    case .success(let entry) where entry.bytes.isEmpty:
                        tally.skipped += 1
                    case .success(let entry):
                        if submitted == 0, batch.isEmpty { writer.start(preparing: openStore) }
                        bytesRead += entry.bytes.count
                        batch.append((entry.bytes, action))
                        batchBytes += entry.bytes.count
                        if batch.count >= batchSize || batchBytes >= self.batchBytes { try flush() }
                    case .failure(let error):
                        bar.finish()
                        err.writeLine("swfilter learn: \(error)")
                        tally.skipped += 1
                        if status == .ok { status = .ioError }
                    }
                    bar.update(bytes: bytesRead, messages: tally.skipped + submitted + batch.count)
                }
            }
            try flush(final: true)
            let written = try writer.finish()
            tally = LearnTally(merging: written, skipped: tally.skipped)
        } catch {
            parsing.wait()
            bar.finish()
            err.writeLine("swfilter learn: \(error)")
            err.writeLine("swfilter learn: stopped; the transaction in progress was not written, the transactions before it were")
            return Self.status(for: error)
        }
        bar.finish()
        out.writeLine(tally.summary(seconds: LearnProgress.now() - start))
        return status
    }

    /// Opens (creating) the SQLite database ahead of the first transaction; a problem with it is
    /// reported by that transaction.
    private var openStore: @Sendable () -> Void {
        { [store] in
            guard let sqlite = store as? SQLiteBayesStore else { return }
            try? sqlite.open()
        }
    }

    /// `--stats`: the database's totals, size and age, and whether the classifier votes.
    public func stats(output: Int32 = 1, errors: Int32 = 2) -> Sysexits {
        do {
            let statistics = try store.statistics()
            FileStream(output).writeLine(LearnStatsFormatter.text(statistics, classifier: classifier, maxTokens: learner.maxTokens))
            return .ok
        } catch {
            FileStream(errors).writeLine("swfilter learn: \(error)")
            return Self.status(for: error)
        }
    }

    /// `--dump`: the database in the text format of `BayesDump`.
    public func dump(output: Int32 = 1, errors: Int32 = 2) -> Sysexits {
        let out = FileStream(output)
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 16)
        do {
            try BayesDump.write(store) { (line: String) throws(BayesStoreError) in
                buffer.append(contentsOf: line.utf8)
                buffer.append(0x0A)
                if buffer.count >= 1 << 16 {
                    do { try out.write(buffer) } catch { throw BayesStoreError(.unavailable, location: "standard output", detail: "\(error)") }
                    buffer.removeAll(keepingCapacity: true)
                }
            }
            try out.write(buffer)
            return .ok
        } catch let error as BayesStoreError {
            FileStream(errors).writeLine("swfilter learn: \(error)")
            return Self.status(for: error)
        } catch {
            FileStream(errors).writeLine("swfilter learn: cannot write the dump: \(error)")
            return .ioError
        }
    }

    /// `--restore FILE` ("-" for standard input): replaces the database with a dump.
    public func restore(from path: String, output: Int32 = 1, errors: Int32 = 2) -> Sysexits {
        let err = FileStream(errors)
        let data: Data?
        if path == "-" {
            data = try? FileHandle.standardInput.readToEnd()
        } else {
            data = FileManager.default.contents(atPath: path)
        }
        guard let data else {
            err.writeLine("swfilter learn: cannot read \(path)")
            return .noInput
        }
        let text = String(decoding: data, as: UTF8.self)
        do {
            let contents = try BayesDump.parse(text.split(separator: "\n", omittingEmptySubsequences: false).dropLast(text.hasSuffix("\n") ? 1 : 0))
            try BayesDump.restore(contents, into: store)
            FileStream(output).writeLine("restored \(contents.spam) spam, \(contents.ham) ham, \(contents.tokens.count) tokens, \(contents.journal.count) journal entries")
            return .ok
        } catch let error as BayesDumpError {
            err.writeLine("swfilter learn: \(path): \(error)")
            return .dataError
        } catch let error as BayesStoreError {
            err.writeLine("swfilter learn: \(error)")
            return Self.status(for: error)
        } catch {
            err.writeLine("swfilter learn: \(error)")
            return .software
        }
    }

    /// Busy: try again later (EX_TEMPFAIL). Anything else wrong with the database: EX_IOERR.
    static func status(for error: BayesStoreError) -> Sysexits {
        error.kind == .busy ? .tempFail : .ioError
    }
}
