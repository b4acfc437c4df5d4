// swfilter-bench: figures for the README and the issue notes, never a pass/fail test.
//   SwfilterBench parse [DIR…]    parse throughput on one core (MB/s, messages/s)
//   SwfilterBench defects [DIR…]  defect counts by kind over every message
//   SwfilterBench scan [--clamd ADDRESS]… [--threads N] [DIR…]  virus scanning, in process vs clamd
// With no DIR, the shared SpamAssassin corpus beside the checkout is used.
import Foundation
import MailMessage

let arguments = Array(CommandLine.arguments.dropFirst())
let command = arguments.first ?? "parse"
var directories = Array(arguments.dropFirst())
var rounds = 5
if let index = directories.firstIndex(of: "--rounds"), index + 1 < directories.count {
    rounds = Int(directories[index + 1]) ?? rounds
    directories.removeSubrange(index...(index + 1))
}
let scanOptions = VirusScanBenchmark.Options.extract(from: &directories)
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
default:
    FileHandle.standardError.write(Data("usage: SwfilterBench parse|defects|scan [--rounds N] [DIR…]\n".utf8))
    exit(64)
}
