import ScanModel
import MailMessage

/// The SpamAssassin rules as a `MessageAnalyzer`: adds a `RuleHit` (source "rules") for each
/// rule that hits, scored from set 2 when an earlier analyzer set a Bayes probability, else set 0.
/// A broken rule never stops the message (fail open).
public struct RulesAnalyzer: MessageAnalyzer {
    public let name = "rules"
    public let evaluator: RuleEvaluator
    public var failureMode: AnalyzerFailure.Mode { .failOpen }

    public init(evaluator: RuleEvaluator) {
        self.evaluator = evaluator
    }

    public func analyze(_ message: MailMessage, envelope: Envelope, report: inout ScanReport) throws {
        let evaluation = evaluator.evaluate(message, envelopeFrom: envelope.mailFrom, bayesProbability: report.bayesProbability)
        for match in evaluation.matches {
            report.add(RuleHit(name: match.name, score: match.score, description: match.description, source: name))
        }
    }
}
