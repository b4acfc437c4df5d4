import Dispatch
import Filter
import ScanModel
import Foundation
import MailMessage
import Synchronization
import VirusScan

/// Virus-scan throughput, in process (libclamav) against clamd over INSTREAM, on the same
/// messages and the same signatures. Each backend is measured three ways: swfilter's way (its
/// decoded parts, then the whole message), its decoded parts only, and the classic milter way
/// (the whole message only).
/// libclamav's clean-file cache is off on both sides unless `--cache` is given, so that every
/// round scans; start clamd with `DisableCache yes` to match (scripts/bench-clamav.sh does).
///
/// Wall time is printed with CPU time (this process, plus clamd's with `--clamd-pid`; the
/// n-th `--clamd-pid` belongs to the n-th `--clamd`, a single one to all): on a shared machine
/// CPU time is the steadier figure. libclamav makes and removes a temporary directory for
/// every scan: `--tmpdir` sets the root of the in-process engine's private directory (by
/// default /dev/shm when it is a tmpfs, as swfilter has it), clamd's TemporaryDirectory its.
///
///   SwfilterBench scan [--signatures PATH] [--clamd ADDRESS]… [--clamd-pid PID]… [--tmpdir DIR]
///                      [--threads N] [--rounds N] [--cache] [DIR…]
struct VirusScanBenchmark {
    struct Options {
        var signatures: [String] = []
        var clamd: [String] = []
        var threads = 1
        var cache = false
        var temporaryDirectory: String?
        /// clamd's process ids, to count their CPU time with ours (one per `--clamd`, or one for all).
        var clamdProcesses: [Int32] = []

        func clamdProcess(forBackend index: Int) -> Int32? {
            clamdProcesses.count > index ? clamdProcesses[index] : clamdProcesses.count == 1 ? clamdProcesses[0] : nil
        }

        /// Takes this benchmark's options out of the argument list, leaving the directories.
        static func extract(from arguments: inout [String]) -> Options {
            var options = Options()
            var rest: [String] = []
            var index = 0
            while index < arguments.count {
                let argument = arguments[index]
                let value = index + 1 < arguments.count ? arguments[index + 1] : nil
                switch argument {
                case "--signatures": if let value { options.signatures.append(value); index += 1 }
                case "--clamd": if let value { options.clamd.append(value); index += 1 }
                case "--threads": if let value { options.threads = max(1, Int(value) ?? 1); index += 1 }
                case "--tmpdir": if let value { options.temporaryDirectory = value; index += 1 }
                case "--clamd-pid": if let value, let pid = Int32(value) { options.clamdProcesses.append(pid); index += 1 }
                case "--cache": options.cache = true
                default: rest.append(argument)
                }
                index += 1
            }
            arguments = rest
            return options
        }
    }

    enum Way: String, CaseIterable {
        case partsAndWhole = "parts + whole message"
        case partsOnly = "decoded parts only"
        case wholeOnly = "whole message only"
    }

    let corpus: BenchCorpus
    let options: Options
    let rounds: Int

    func run() {
        let signatures = options.signatures.isEmpty ? [Self.projectSignatures] : options.signatures
        let settings = ClamAVEngineSettings(signatureDirectory: nil, extraSignatureFiles: signatures, cacheEnabled: options.cache,
                                            temporaryDirectory: options.temporaryDirectory)
        let engine: ClamAVEngine
        do {
            engine = try ClamAVEngine(settings: settings)
        } catch {
            FileHandle.standardError.write(Data("scan: \(error)\n".utf8))
            exit(69)
        }
        let megabytes = Double(corpus.totalBytes) / 1_000_000
        print(String(format: "corpus: %d messages, %.1f MB; %d signatures from %@ loaded in %.2f s; %d thread(s); cache %@; tmpdir %@",
                     corpus.messages.count, megabytes, engine.signatureCount, signatures.joined(separator: ", "),
                     seconds(engine.loadDuration), options.threads, options.cache ? "on" : "off", engine.temporaryDirectory))

        let counting = CountingScanner(engine)
        var backends: [(String, any VirusScanner)] = [("in-process libclamav", counting)]
        for text in options.clamd {
            do {
                let client = try ClamdClient(addresses: [try ClamdAddress(parsing: text)])
                try client.ping()
                backends.append(("clamd \(text)", client))
            } catch {
                FileHandle.standardError.write(Data("scan: clamd \(text): \(error)\n".utf8))
                exit(69)
            }
        }
        let parsing = measure(FilterEngine(analyzers: []), clamd: nil)
        print(String(format: "swfilter's MIME parse alone (part of every figure below, on both sides): CPU %.3f s", parsing.cpu))
        for way in Way.allCases {
            var wall: [Double] = [], cpu: [Double] = []
            for (index, (label, scanner)) in backends.enumerated() {
                counting.reset()
                let result = measure(scanner, way: way, clamd: index > 0 ? options.clamdProcess(forBackend: index - 1) : nil)
                wall.append(result.wall)
                cpu.append(result.cpu)
                let split = index > 0 ? String(format: " (clamd %.3f s + client %.3f s)", result.serverCPU, result.cpu - result.serverCPU) : ""
                print(String(format: "%@ (%@): wall %.3f s = %.1f MB/s, %.0f messages/s; CPU %.3f s%@ = %.1f MB/s, %.0f messages/s per core; %d viruses",
                             label, way.rawValue, result.wall, megabytes / result.wall, Double(corpus.messages.count) / result.wall,
                             result.cpu, split, megabytes / result.cpu, Double(corpus.messages.count) / result.cpu, result.found))
                if index == 0 {
                    let passes = Double(max(1, rounds) + 1)
                    print(String(format: "  in process, per pass: %.0f libclamav scans (%.2f a message), %.1f MB; %.0f of %.0f decoded parts extracted byte for byte by libclamav's own parsers, so not scanned again",
                                 Double(counting.scans.load(ordering: .relaxed)) / passes,
                                 Double(counting.scans.load(ordering: .relaxed)) / passes / Double(corpus.messages.count),
                                 Double(counting.bytes.load(ordering: .relaxed)) / passes / 1e6,
                                 Double(counting.extracted.load(ordering: .relaxed)) / passes, Double(counting.candidates.load(ordering: .relaxed)) / passes))
                }
            }
            for index in wall.indices.dropFirst() {
                print(String(format: "  in-process / %@: %.2fx wall, %.2fx CPU", backends[index].0, wall[index] / wall[0], cpu[index] / cpu[0]))
            }
        }
    }

    /// The median wall and CPU seconds of `rounds` passes (after a warm-up), and the viruses
    /// found in one pass. CPU is this process's plus the `clamd` process's (`serverCPU`, the
    /// clamd share of the pass with the median CPU).
    private func measure(_ scanner: any VirusScanner, way: Way, clamd: Int32?) -> (wall: Double, cpu: Double, serverCPU: Double, found: Int) {
        let analyzer: any MessageAnalyzer = switch way {
        case .partsAndWhole: VirusAnalyzer(scanner: scanner)
        case .partsOnly: VirusAnalyzer(scanner: scanner, policy: VirusScanPolicy(scanWholeMessage: false))
        case .wholeOnly: WholeMessageAnalyzer(scanner: scanner)
        }
        return measure(FilterEngine(analyzers: [analyzer]), clamd: clamd)
    }

    private func measure(_ filter: FilterEngine, clamd: Int32?) -> (wall: Double, cpu: Double, serverCPU: Double, found: Int) {
        let found = pass(filter)
        var walls: [Double] = [], cpus: [(total: Double, server: Double)] = []
        for _ in 0..<max(1, rounds) {
            let start = ContinuousClock.now
            let selfBefore = CPUTime.ofSelf(), serverBefore = CPUTime.of(clamd)
            _ = pass(filter)
            let server = CPUTime.of(clamd) - serverBefore
            cpus.append((CPUTime.ofSelf() - selfBefore + server, server))
            walls.append(seconds(ContinuousClock.now - start))
        }
        walls.sort()
        cpus.sort { $0.total < $1.total }
        let median = cpus[cpus.count / 2]
        return (walls[walls.count / 2], median.total, median.server, found)
    }

    /// One pass over the corpus on `options.threads` threads; returns viruses found.
    private func pass(_ filter: FilterEngine) -> Int {
        let next = Atomic<Int>(0)
        let found = Atomic<Int>(0)
        let messages = corpus.messages
        DispatchQueue.concurrentPerform(iterations: options.threads) { _ in
            while true {
                let index = next.add(1, ordering: .relaxed).oldValue
                guard index < messages.count else { return }
                let result = filter.scan(messages[index].bytes)
                found.add(result.report.viruses.count, ordering: .relaxed)
            }
        }
        return found.load(ordering: .relaxed)
    }

    private func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    static let projectSignatures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../rules/clamav").standardized.path
}
