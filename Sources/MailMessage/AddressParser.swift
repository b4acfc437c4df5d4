/// RFC 5322 address lists. (Minimal version; being completed.)
public enum AddressParser {
    public static func parse(_ value: String) -> (addresses: [MailAddress], defects: [DefectKind]) {
        var result: [MailAddress] = []
        for item in value.split(separator: ",") {
            var text = item.trimmingASCIIWhitespace()
            var name: String?
            if let open = text.firstIndex(of: "<"), let close = text.lastIndex(of: ">"), open < close {
                name = String(text[..<open]).trimmingASCIIWhitespace()
                text = String(text[text.index(after: open)..<close])
            }
            let pieces = text.split(separator: "@", maxSplits: 1)
            guard let local = pieces.first else { continue }
            result.append(MailAddress(displayName: name?.isEmpty == false ? name : nil, localPart: String(local), domain: pieces.count > 1 ? pieces[1].lowercased() : ""))
        }
        return (result, [])
    }
}
