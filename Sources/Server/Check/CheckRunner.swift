import Filter
import Foundation
import MailMessage

/// `swfilter check PATH…`: every message of every path (file, directory, mbox, Maildir) scanned,
/// one result each, as text or as JSON lines.
public struct CheckRunner: Sendable {
    public let engine: FilterEngine
    public let json: Bool

    public init(engine: FilterEngine, json: Bool) {
        self.engine = engine
        self.json = json
    }

    /// Runs over the paths, writing results to `output` and problems to `errors`.
    public func run(paths: [String], output: Int32 = 1, errors: Int32 = 2) -> Sysexits {
        let out = FileStream(output), err = FileStream(errors)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        var status = Sysexits.ok
        for path in paths {
            let reader: MailboxReader
            do {
                reader = try MailboxReader(path: path)
            } catch {
                err.writeLine("swfilter check: \(error)")
                status = .noInput
                continue
            }
            for entry in reader {
                let result = engine.scan(entry.bytes)
                if json {
                    let record = CheckRecord(file: entry.source, result: result)
                    let line = (try? encoder.encode(record)).map { Array($0) + [0x0A] } ?? []
                    do { try out.write(line) } catch { return .ioError }
                } else {
                    out.writeLine(CheckReportFormatter.text(file: entry.source, result: result))
                }
            }
        }
        return status
    }
}
