import Filter
import ScanModel
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
            for item in reader {
                let entry: MailboxEntry
                switch item {
                case .success(let found): entry = found
                case .failure(let error):
                    // One unreadable message does not stop the run; the exit status tells.
                    err.writeLine("swfilter check: \(error)")
                    status = .ioError
                    continue
                }
                let result = engine.scan(entry.bytes)
                if json {
                    let record = CheckRecord(file: entry.source, result: result)
                    let encoded: [UInt8] = (try? encoder.encode(record)).map { [UInt8]($0) } ?? []
                    let line = encoded + [0x0A]
                    do { try out.write(line) } catch { return .ioError }
                } else {
                    out.writeLine(CheckReportFormatter.text(file: entry.source, result: result))
                }
            }
        }
        return status
    }
}
