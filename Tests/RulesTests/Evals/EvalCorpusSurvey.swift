import Foundation
import MailMessage
import Testing
@testable import Rules

/// Hit counts of every eval rule and every defect kind over the training split of the shared
/// SpamAssassin corpus (sorted names per folder, every 5th from index 4 is test and left out).
/// Prints figures only; runs when SWFILTER_EVAL_SURVEY=1 (it reads ~4800 messages).
@Suite(.enabled(if: ProcessInfo.processInfo.environment["SWFILTER_EVAL_SURVEY"] == "1" && StockRules.isPresent))
struct EvalCorpusSurvey {
    static let corpus = URL(fileURLWithPath: "/work/shared/corpora/spamassassin")

    @Test func survey() throws {
        let compiled = CompiledRuleSet(StockRulesTests.ruleSet)
        let evaluator = RuleEvaluator(rules: compiled)
        var ruleHits: [String: [Int]] = [:]
        var defectHits: [String: [Int]] = [:]
        var totals = [0, 0]
        var evalSeconds = 0.0
        var ruleSeconds: [String: Double] = [:]
        let limit = Int(ProcessInfo.processInfo.environment["SWFILTER_EVAL_SURVEY_LIMIT"] ?? "") ?? Int.max
        for (folderIndex, folder) in ["ham", "spam"].enumerated() {
            let directory = Self.corpus.appendingPathComponent(folder)
            let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
            for (index, name) in names.enumerated() where index % 5 != 4 && index < limit {
                let bytes = try [UInt8](Data(contentsOf: directory.appendingPathComponent(name)))
                let message = MailMessage(parsing: bytes)
                totals[folderIndex] += 1
                for kind in Set(message.defects.map(\.kind.rawValue)) { defectHits[kind, default: [0, 0]][folderIndex] += 1 }
                let views = SpamAssassinViews(message: message, environment: evaluator.environment)
                let start = ProcessInfo.processInfo.systemUptime
                let context = EvalContext(views: views, bayesProbability: nil, configuration: compiled.evalConfiguration)
                for eval in compiled.compiledEvals {
                    let ruleStart = ProcessInfo.processInfo.systemUptime
                    let hit = eval.test(context)
                    ruleSeconds[compiled.ruleSet[eval.id].name, default: 0] += ProcessInfo.processInfo.systemUptime - ruleStart
                    if hit { ruleHits[compiled.ruleSet[eval.id].name, default: [0, 0]][folderIndex] += 1 }
                }
                evalSeconds += ProcessInfo.processInfo.systemUptime - start
            }
        }
        print("SURVEY messages ham \(totals[0]) spam \(totals[1]); eval wall time \(evalSeconds)s")
        for (name, hits) in ruleHits.sorted(by: { $0.key < $1.key }) { print("SURVEY RULE \(name) ham \(hits[0]) spam \(hits[1])") }
        for (name, seconds) in ruleSeconds.sorted(by: { $0.value > $1.value }).prefix(15) { print("SURVEY TIME \(name) \(seconds)") }
        for (name, hits) in defectHits.sorted(by: { $0.key < $1.key }) { print("SURVEY DEFECT \(name) ham \(hits[0]) spam \(hits[1])") }
    }
}
