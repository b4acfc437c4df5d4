import ScanModel
import MailMessage

/// The SpamAssassin rules as a `MessageAnalyzer`: adds a `RuleHit` (source "rules") for each
/// rule that hits, scored from set 2 when an earlier analyzer set a Bayes probability, else set 0.
/// A broken rule never stops the message (fail open). A rule whose regex stops at its PCRE2
/// limit counts as not hit, adds an `AnalyzerNote`, and is passed to `limitReached`.
public struct RulesAnalyzer: MessageAnalyzer {
    public let name = "rules"
    public let evaluator: RuleEvaluator
    /// Called with the name of every rule that stops at its regex limit, on every message.
    public let limitReached: @Sendable (String) -> Void
    public var failureMode: AnalyzerFailure.Mode { .failOpen }

    public init(evaluator: RuleEvaluator, limitReached: @escaping @Sendable (String) -> Void = { _ in }) {
        self.evaluator = evaluator
        self.limitReached = limitReached
    }

    public func analyze(_ message: MailMessage, envelope: Envelope, report: inout ScanReport) throws {
        let evaluation = evaluator.evaluate(message, envelopeFrom: envelope.mailFrom, bayesProbability: report.bayesProbability)
        for match in evaluation.matches {
            report.add(RuleHit(name: match.name, score: match.score, description: match.description, source: name))
        }
        for rule in evaluation.limitHits {
            report.notes.append(AnalyzerNote(analyzer: name, text: "rule \(rule) stopped at its regex match or depth limit; counted as no hit"))
            limitReached(rule)
        }
    }
}
