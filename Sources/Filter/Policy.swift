import ScanModel
/// Turns a scan report into a verdict with thresholds, per recipient domain where configured.
public struct Policy: Sendable, Hashable {
    public struct Thresholds: Sendable, Hashable {
        /// Score at or above which a message is spam (SpamAssassin's required_score).
        public var requiredScore: Double
        /// Score at or above which spam is refused outright; nil: never refuse for score.
        public var rejectScore: Double?
        /// Prefix for the Subject of spam; `_SCORE_` is replaced by the score. Nil: no rewrite.
        public var subjectTag: String?

        public init(requiredScore: Double = 5.0, rejectScore: Double? = nil, subjectTag: String? = nil) {
            self.requiredScore = requiredScore
            self.rejectScore = rejectScore
            self.subjectTag = subjectTag
        }
    }

    public enum VirusAction: String, Sendable, Hashable {
        case reject, quarantine, tag, discard
    }

    public var thresholds: Thresholds
    /// Overrides by recipient domain (lower-case).
    public var domains: [String: Thresholds]
    public var virusAction: VirusAction

    public init(thresholds: Thresholds = Thresholds(), domains: [String: Thresholds] = [:], virusAction: VirusAction = .reject) {
        self.thresholds = thresholds
        self.domains = domains
        self.virusAction = virusAction
    }

    public func thresholds(for envelope: Envelope) -> Thresholds {
        envelope.recipientDomain.flatMap { domains[$0] } ?? thresholds
    }

    public func decide(_ report: ScanReport, envelope: Envelope) -> Verdict {
        let limits = thresholds(for: envelope)
        let score = report.score
        let isSpam = score >= limits.requiredScore
        let trace = report.traceID

        let closed = report.failures.filter { $0.mode == .failClosed }
        if !closed.isEmpty {
            let reasons = closed.map { "\($0.analyzer): \($0.reason)" }.joined(separator: "; ")
            let refusal = Refusal(code: 451, enhancedCode: "4.7.1", text: "Temporary failure while scanning (\(reasons)); try again later [\(trace)]")
            return Verdict(action: .tempfail, isSpam: isSpam, score: score, requiredScore: limits.requiredScore, refusal: refusal)
        }

        if !report.viruses.isEmpty {
            let names = report.viruses.map(\.name).joined(separator: ", ")
            let refusal = Refusal(code: 554, enhancedCode: "5.7.1", text: "Message contains a virus: \(names) [\(trace)]")
            let action: Verdict.Action
            switch virusAction {
            case .reject: action = .reject
            case .quarantine: action = .quarantine
            case .tag: action = .tag
            case .discard: action = .discard
            }
            return Verdict(action: action, isSpam: isSpam, score: score, requiredScore: limits.requiredScore,
                           subjectTag: tag(limits, score: score), refusal: action == .reject ? refusal : nil)
        }

        if let reject = limits.rejectScore, score >= reject {
            let refusal = Refusal(code: 550, enhancedCode: "5.7.1",
                                  text: "Message refused as spam (score \(Self.format(score)) >= \(Self.format(reject))) [\(trace)]")
            return Verdict(action: .reject, isSpam: true, score: score, requiredScore: limits.requiredScore, refusal: refusal)
        }

        if isSpam {
            return Verdict(action: .tag, isSpam: true, score: score, requiredScore: limits.requiredScore, subjectTag: tag(limits, score: score))
        }
        return Verdict(action: .accept, isSpam: false, score: score, requiredScore: limits.requiredScore)
    }

    private func tag(_ limits: Thresholds, score: Double) -> String? {
        guard let tag = limits.subjectTag, !tag.isEmpty else { return nil }
        return tag.replacing("_SCORE_", with: Self.format(score))
    }

    /// Scores are shown with one decimal, as SpamAssassin shows them.
    public static func format(_ score: Double) -> String {
        let tenths = (score * 10).rounded()
        let sign = tenths < 0 ? "-" : ""
        let magnitude = Int(abs(tenths))
        return "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }
}
