// swfilter-bench: figures for the README and the issue notes, never a pass/fail test.
//   SwfilterBench parse [DIR…]    parse throughput on one core (MB/s, messages/s)
//   SwfilterBench defects [DIR…]  defect counts by kind over every message
//   SwfilterBench scan [--clamd ADDRESS]… [--threads N] [DIR…]  virus scanning, in process vs clamd
//   SwfilterBench regex [--profile] [DIR…]  stock SpamAssassin body regexes over the body views,
//                                 with and without the literal prefilter (CPU ms/message on one
//                                 core). Environment: SA_BODY_DUMP=FILE takes the body views from
//                                 a dump of SpamAssassin's own (views format); SA_HITS=FILE (lines
//                                 "path<TAB>hits") with SA_ACTIVE=FILE compares rule hits with
//                                 SpamAssassin's; VIEWS_ONLY=1 only builds views (for perf);
//                                 PROFILE_TOP=N sets how many regexes --profile lists.
//   SwfilterBench rules [--rounds N] [--rules PATH]… [--top N] [DIR…]  the stock SpamAssassin
//                                 rules (or --rules paths) through RuleLoader and CompiledRuleSet:
//                                 CPU ms/message and messages/s on one core for the rules (views +
//                                 evaluation; parsing printed apart), time per rule kind and the
//                                 most expensive rules
//   SwfilterBench views FILE [HEADER…]  the SpamAssassin views of one message, escaped
//   SwfilterBench evals [DIR…]    the stock rules' eval functions: loaded / unsupported counts and
//                                 CPU ms/message of the evals alone
// With no DIR, the shared SpamAssassin corpus beside the checkout is used.
import Foundation
import MailMessage
import Rules

let arguments = Array(CommandLine.arguments.dropFirst())
let command = arguments.first ?? "parse"
var directories = Array(arguments.dropFirst())
var rounds = 5
if let index = directories.firstIndex(of: "--rounds"), index + 1 < directories.count {
    rounds = Int(directories[index + 1]) ?? rounds
    directories.removeSubrange(index...(index + 1))
}
let scanOptions = VirusScanBenchmark.Options.extract(from: &directories)
var rulePaths: [String] = []
while let index = directories.firstIndex(of: "--rules"), index + 1 < directories.count {
    rulePaths.append(directories[index + 1])
    directories.removeSubrange(index...(index + 1))
}
var topCount = 10
if let index = directories.firstIndex(of: "--top"), index + 1 < directories.count {
    topCount = Int(directories[index + 1]) ?? topCount
    directories.removeSubrange(index...(index + 1))
}
var profile = false
if let index = directories.firstIndex(of: "--profile") {
    profile = true
    directories.remove(at: index)
}
if command == "views" {
    guard let path = directories.first else {
        FileHandle.standardError.write(Data("usage: SwfilterBench views FILE [HEADER…]\n".utf8))
        exit(64)
    }
    let environment = RegexBenchmark.environment(for: RuleLoader().load(path: RegexBenchmark.stockDirectory))
    ViewsDump(path: path, headerRequests: Array(directories.dropFirst()), environment: environment).run()
    exit(0)
}
if directories.isEmpty {
    let shared = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../shared/corpora/spamassassin").standardized
    directories = [shared.appendingPathComponent("ham").path, shared.appendingPathComponent("spam").path]
}

let corpus = BenchCorpus(directories: directories)
guard !corpus.messages.isEmpty else {
    FileHandle.standardError.write(Data("no messages found in \(directories.joined(separator: " "))\n".utf8))
    exit(66)
}

switch command {
case "parse": ParseBenchmark(corpus: corpus, rounds: rounds).run()
case "defects": DefectCensus(corpus: corpus).run()
case "scan": VirusScanBenchmark(corpus: corpus, options: scanOptions, rounds: rounds).run()
case "regex": RegexBenchmark(corpus: corpus, rounds: rounds, profile: profile).run()
case "lineruns": LineRunCensus(corpus: corpus, rulePaths: rulePaths.isEmpty ? ["/usr/share/spamassassin"] : rulePaths, topCount: topCount).run()
case "evals": EvalBenchmark(corpus: corpus, rounds: rounds).run()
case "rules": RulesBenchmark(corpus: corpus, rounds: rounds, rulePaths: rulePaths.isEmpty ? ["/usr/share/spamassassin"] : rulePaths, topCount: topCount).run()
default:
    FileHandle.standardError.write(Data("usage: SwfilterBench parse|defects|scan|regex|rules|evals [--rounds N] [DIR…] | views FILE [HEADER…]\n".utf8))
    exit(64)
}
