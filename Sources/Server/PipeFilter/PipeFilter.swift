import Filter
import ScanModel
import MailMessage

/// The procmail-style door: one message in, the same message out with X-Spam-* headers added
/// (and the subject tagged when configured). Nothing is ever lost: a message too large to scan,
/// or one that could not be scanned, comes out exactly as it came in.
public struct PipeFilter: Sendable {
    public struct Options: Sendable {
        /// Exit 1 for spam, 0 for ham (`spamassassin -e`), instead of always 0.
        public var exitCodeOnSpam: Bool
        /// Messages larger than this pass through unscanned, as spamc does with its size limit.
        public var maxMessageBytes: Int
        /// When an analyzer fails closed: pass the message untouched (exit 0), or exit
        /// EX_TEMPFAIL so the MDA keeps the message and retries.
        public var tempfailOnError: Bool
        public var hostname: String?
        /// Which messages get the X-Spam-* fields: all, spam only, or none.
        public var addHeaders: AddHeadersMode

        public init(exitCodeOnSpam: Bool = false, maxMessageBytes: Int = 50 << 20, tempfailOnError: Bool = false, hostname: String? = nil,
                    addHeaders: AddHeadersMode = .all) {
            self.exitCodeOnSpam = exitCodeOnSpam
            self.maxMessageBytes = maxMessageBytes
            self.tempfailOnError = tempfailOnError
            self.hostname = hostname
            self.addHeaders = addHeaders
        }
    }

    /// What to write and how to exit.
    public struct Outcome: Sendable {
        public let output: [UInt8]
        public let exitCode: Sysexits
        public let result: ScanResult?
        /// A line for the MDA's log (procmail keeps the filter's stderr), nil when all is well.
        public let diagnostic: String?
    }

    public let engine: FilterEngine
    public let options: Options

    public init(engine: FilterEngine, options: Options) {
        self.engine = engine
        self.options = options
    }

    /// Scans one whole message held in memory.
    public func process(_ input: [UInt8]) -> Outcome {
        guard !input.isEmpty else {
            return Outcome(output: [], exitCode: .dataError, result: nil, diagnostic: "empty input: no message on standard input")
        }
        let result = engine.scan(input)
        let tempfail = result.verdict.action == .tempfail
        if tempfail {
            let reason = result.verdict.refusal?.text ?? "scan failed"
            if options.tempfailOnError {
                return Outcome(output: [], exitCode: .tempFail, result: result, diagnostic: reason)
            }
            return Outcome(output: input, exitCode: .ok, result: result, diagnostic: "passed unscanned: \(reason)")
        }
        let infected = !result.report.viruses.isEmpty
        let tagging = options.addHeaders == .all || (options.addHeaders == .spam && (result.verdict.isSpam || infected))
        var headers: [(name: String, value: String)] = []
        var removing: [String] = []
        if tagging {
            let virusHeaders = VirusHeaders.fields(for: result.report, hostname: options.hostname)
            headers = SpamHeaders.fields(for: result, version: SwfilterVersion.current, hostname: options.hostname) + virusHeaders
            removing = SpamHeaders.names + (virusHeaders.isEmpty ? [] : VirusHeaders.names)
        }
        let subjectTag = result.verdict.subjectTag
        let output = headers.isEmpty && subjectTag == nil
            ? input
            : HeaderRewriter(result.message).rewrite(removing: removing, adding: headers, subjectPrefix: subjectTag)
        // A pipe filter cannot refuse: infected mail is tagged, and --exit-code reports it as it
        // reports spam, so that the recipe can file it away.
        let exitCode: Sysexits = options.exitCodeOnSpam && (result.verdict.isSpam || infected) ? .spamFound : .ok
        return Outcome(output: output, exitCode: exitCode, result: result, diagnostic: nil)
    }

    /// Reads standard input, writes standard output; returns the exit status.
    public func run(input: Int32 = 0, output: Int32 = 1, errors: Int32 = 2) -> Sysexits {
        let stream = FileStream(input)
        let head: [UInt8]
        do {
            head = try stream.read(upTo: options.maxMessageBytes + 1)
        } catch {
            FileStream(errors).writeLine("swfilter filter: cannot read standard input: \(error)")
            return .ioError
        }
        let sink = FileStream(output)
        if head.count > options.maxMessageBytes {
            // Too large to scan: copy it through untouched, the rest streamed.
            do {
                try sink.write(head)
                try stream.copy(to: sink)
            } catch {
                FileStream(errors).writeLine("swfilter filter: cannot pass the message through: \(error)")
                return .ioError
            }
            FileStream(errors).writeLine("swfilter filter: message larger than \(options.maxMessageBytes) bytes passed unscanned")
            return .ok
        }
        let outcome = process(head)
        if let diagnostic = outcome.diagnostic { FileStream(errors).writeLine("swfilter filter: \(diagnostic)") }
        do {
            try sink.write(outcome.output)
        } catch {
            FileStream(errors).writeLine("swfilter filter: cannot write standard output: \(error)")
            return .ioError
        }
        return outcome.exitCode
    }
}
