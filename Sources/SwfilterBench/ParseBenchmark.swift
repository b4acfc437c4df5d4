import Foundation
import MailMessage

/// Parse throughput on one core: every message parsed (headers, MIME tree, transfer and charset
/// decoding, HTML rendering), then its header values, addresses and URIs read, `rounds` times.
struct ParseBenchmark {
    let corpus: BenchCorpus
    let rounds: Int

    func run() {
        let megabytes = Double(corpus.totalBytes) / 1_000_000
        print("corpus: \(corpus.messages.count) messages, \(String(format: "%.1f", megabytes)) MB")
        _ = pass(touch: true)  // warm-up
        // CPU time is the figure to quote on a shared machine: wall time counts the waits for
        // a core that other work holds.
        for touch in [false, true] {
            var wall: [Double] = [], cpu: [Double] = []
            for _ in 0..<rounds {
                let before = CPUTime.ofSelf()
                wall.append(pass(touch: touch))
                cpu.append(CPUTime.ofSelf() - before)
            }
            wall.sort()
            cpu.sort()
            let median = cpu[cpu.count / 2]
            let label = touch ? "parse+read values" : "parse"
            print(String(format: "%@: CPU median %.3f s (min %.3f, max %.3f) = %.0f MB/s, %.0f messages/s on one core; wall median %.3f s; %d rounds",
                         label, median, cpu.first!, cpu.last!, megabytes / median, Double(corpus.messages.count) / median, wall[wall.count / 2], rounds))
        }
    }

    /// One pass over the corpus; returns the seconds it took.
    private func pass(touch: Bool) -> Double {
        var sink = 0
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            for (_, bytes) in corpus.messages {
                let message = MailMessage(parsing: bytes)
                sink &+= message.defects.count &+ message.leaves.count
                if touch {
                    for field in message.headers.fields { sink &+= field.value.utf8.count }
                    sink &+= message.from.count &+ message.uris.count
                }
            }
        }
        if sink == 42 { print("") }  // keeps the work from being optimised away
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}
