import MailMessage

/// The byte strings of a message that `VirusAnalyzer` scans on their own, in message order:
/// each non-empty decoded leaf part, and each file uuencoded in a text part. A byte string
/// equal to an earlier one (the same attachment twice, a text part repeated) is scanned once:
/// the scanner's answer depends on the bytes alone, so the earlier result stands for it.
struct PartScanList {
    struct Item {
        let target: VirusScanTarget
        let bytes: [UInt8]
        let filename: String?
        /// The index of the earlier item with the same bytes; nil for the first of them.
        let sameAs: Int?
    }

    let items: [Item]

    init(message: MailMessage) {
        var items: [Item] = []
        var bySize: [Int: [Int]] = [:]
        func add(_ target: VirusScanTarget, _ bytes: [UInt8], _ filename: String?) {
            guard !bytes.isEmpty else { return }
            let twin = bySize[bytes.count]?.first { items[$0].bytes == bytes }
            if twin == nil { bySize[bytes.count, default: []].append(items.count) }
            items.append(Item(target: target, bytes: bytes, filename: filename, sameAs: twin))
        }
        for part in message.leaves {
            guard let leaf = part.leaf else { continue }
            let path = part.path.description
            add(VirusScanTarget(part: path, filename: part.filename, contentType: part.contentType.mimeType), leaf.decoded, part.filename)
            for file in leaf.uuencodedFiles {
                add(VirusScanTarget(part: path, filename: file.name, contentType: "application/x-uuencode"), file.bytes, file.name)
            }
        }
        self.items = items
    }

    /// The indexes of the items scanned for themselves (not copies of an earlier one).
    var distinct: [Int] { items.indices.filter { items[$0].sameAs == nil } }
}
