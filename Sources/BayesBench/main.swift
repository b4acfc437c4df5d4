// BayesBench: figures and tuning data for the Bayes learner, never a pass/fail test.
//   BayesBench tokens [options] < LIST > DUMP
//       LIST: lines "LABEL PATH"; DUMP: lines "LABEL<TAB>token<TAB>token…" (token texts), the
//       input of scripts/bayes-tune.py; one line a message (an mbox PATH gives several). Options:
//       --no-pairs, --no-capitals, --min N, --max N, --header-only (only the tokens
//       TokenSet.header marks), --ordered (every token in the order made, repeats included, with
//       the structure's breaks as "\u{1}H" header end, "\u{1}T" / "\u{1}M" a text / HTML part's
//       start, "\u{1}L" a line end: TokenSet.sequence and TokenSet.breaks).
//   BayesBench speed < LIST
//       tokenizer throughput on one core (messages/s), the messages read into memory first.
//   BayesBench latency DATABASE < LIST
//       per-message classification latency against a trained SQLite database (as the scan path
//       does it: parse, tokenize, read the counts, combine), median and p99, wall and CPU time.
// Every command reads each PATH as `swfilter learn` does (`readAsLearned`), so the dump holds
// exactly the tokens the product learns.
import Bayes
import Foundation
import MailMessage
import Storage

var arguments = Array(CommandLine.arguments.dropFirst())
let command = arguments.isEmpty ? "" : arguments.removeFirst()
var options = TokenizerOptions()
var headerOnly = false
var ordered = false
while command != "latency", let option = arguments.first {
    arguments.removeFirst()
    switch option {
    case "--no-pairs": options.wordPairs = false
    case "--header-only": headerOnly = true
    case "--ordered": ordered = true
    case "--no-capitals": options.capitalsTokens = false
    case "--min": options.minWordLength = Int(arguments.removeFirst()) ?? options.minWordLength
    case "--max": options.maxWordLength = Int(arguments.removeFirst()) ?? options.maxWordLength
    default:
        FileHandle.standardError.write(Data("unknown option \(option)\n".utf8))
        exit(64)
    }
}

var database = ""
if command == "latency", !arguments.isEmpty { database = arguments.removeFirst() }
var list: [(label: String, path: String)] = []
while let line = readLine() {
    let parts = line.split(separator: " ", maxSplits: 1)
    if parts.count == 2 { list.append((String(parts[0]), String(parts[1]))) }
}

/// The messages of a listed path, read by the learner's reader: a file that starts with "From "
/// is an mbox, its envelope line and the blank line that ends it are not part of the message.
/// Empty messages are left out, as `swfilter learn` skips them; what cannot be read is reported.
func readAsLearned(_ path: String) -> [[UInt8]] {
    let reader: MailboxReader
    do {
        reader = try MailboxReader(path: path)
    } catch {
        FileHandle.standardError.write(Data("BayesBench: \(error)\n".utf8))
        return []
    }
    return reader.compactMap { item in
        switch item {
        case .success(let entry): return entry.bytes.isEmpty ? nil : entry.bytes
        case .failure(let error):
            FileHandle.standardError.write(Data("BayesBench: \(error)\n".utf8))
            return nil
        }
    }
}

/// How `tokens --ordered` writes a break among the tokens.
func breakMark(_ kind: TokenBreak.Kind) -> String {
    switch kind {
    case .headerEnd: "\t\u{1}H"
    case .textPart: "\t\u{1}T"
    case .htmlPart: "\t\u{1}M"
    case .lineEnd: "\t\u{1}L"
    }
}

switch command {
case "tokens":
    options.keepTexts = true
    let tokenizer = Tokenizer(options: options)
    var output = ""
    for (label, path) in list {
        for bytes in readAsLearned(path) {
            let set = tokenizer.tokens(of: MailMessage(parsing: bytes))
            output += label
            func write(_ hash: UInt64) {
                let text = set.texts[hash] ?? String(hash, radix: 16)
                output += "\t" + text.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ")
            }
            if ordered {
                var breaks = set.breaks[...]
                for (position, hash) in set.sequence.enumerated() {
                    while let next = breaks.first, next.position == position {
                        output += breakMark(next.kind)
                        breaks.removeFirst()
                    }
                    write(hash)
                }
                for rest in breaks { output += breakMark(rest.kind) }
            } else {
                for hash in set.hashes where !headerOnly || set.isHeader(hash) { write(hash) }
            }
            output += "\n"
            if output.utf8.count > 1 << 20 {
                FileHandle.standardOutput.write(Data(output.utf8))
                output = ""
            }
        }
    }
    FileHandle.standardOutput.write(Data(output.utf8))
case "speed":
    let messages = list.flatMap { readAsLearned($0.path) }
    let tokenizer = Tokenizer(options: options)
    // CPU time of this thread: the machine is shared, and wall time would count the others.
    func cpuSeconds() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
    var start = cpuSeconds()
    let parsed = messages.map { MailMessage(parsing: $0) }
    let parseTime = cpuSeconds() - start
    start = cpuSeconds()
    var total = 0
    for message in parsed { total += tokenizer.tokens(of: message).count }
    let tokenTime = cpuSeconds() - start
    print("messages \(messages.count), tokens \(total) (\(total / max(1, messages.count)) a message)")
    print(String(format: "parse    %.0f msg/s (CPU time, one core)", Double(messages.count) / parseTime))
    print(String(format: "tokenize %.0f msg/s (CPU time, one core)", Double(messages.count) / tokenTime))
case "latency":
    let messages = list.flatMap { readAsLearned($0.path) }
    let store = SQLiteBayesStore(path: database, createIfMissing: false)
    let analyzer = BayesAnalyzer(store: store, tokenizer: Tokenizer(options: options))
    func threadCPU() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
    var wall: [Double] = [], cpu: [Double] = []
    var voted = 0
    // One pass to warm the page cache, as a running filter has it; then the measured pass.
    for bytes in messages.prefix(200) { _ = try? analyzer.classify(MailMessage(parsing: bytes)) }
    for bytes in messages {
        let start = ContinuousClock.now, startCPU = threadCPU()
        let result = try? analyzer.classify(MailMessage(parsing: bytes))
        cpu.append(threadCPU() - startCPU)
        let elapsed = ContinuousClock.now - start
        wall.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        if result?.probability != nil { voted += 1 }
    }
    func percentile(_ values: [Double], _ p: Double) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
    }
    print(String(format: "latency  %d messages (%d classified): median %.2f ms, p99 %.2f ms wall; median %.2f ms, p99 %.2f ms CPU",
                 messages.count, voted, percentile(wall, 0.5) * 1e3, percentile(wall, 0.99) * 1e3,
                 percentile(cpu, 0.5) * 1e3, percentile(cpu, 0.99) * 1e3))
default:
    FileHandle.standardError.write(Data("usage: BayesBench tokens|speed [--no-pairs] [--no-capitals] [--min N] [--max N] < LIST, or BayesBench latency DATABASE < LIST\n".utf8))
    exit(64)
}
