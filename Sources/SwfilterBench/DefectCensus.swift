import Foundation
import MailMessage

/// Counts defects by kind over a corpus: how much broken mail real mailboxes hold.
struct DefectCensus {
    let corpus: BenchCorpus

    func run() {
        var byKind: [DefectKind: Int] = [:]
        var messagesWithDefects = 0, parts = 0
        for (_, bytes) in corpus.messages {
            let message = MailMessage(parsing: bytes)
            parts += message.allParts.count
            if !message.defects.isEmpty { messagesWithDefects += 1 }
            for defect in message.defects { byKind[defect.kind, default: 0] += 1 }
        }
        print("parsed \(corpus.messages.count) messages (\(parts) MIME parts) without a crash; \(messagesWithDefects) have defects")
        for (kind, count) in byKind.sorted(by: { $0.value > $1.value || ($0.value == $1.value && $0.key.rawValue < $1.key.rawValue) }) {
            print(String(format: "%8d  %@", count, kind.rawValue))
        }
    }
}
