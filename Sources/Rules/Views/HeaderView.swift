import MailMessage

/// The header fields of one message or MIME part, decoded once, answering header-rule requests
/// in the text SpamAssassin's `PerMsgStatus::get` produces and its header rules match: every
/// value found, each decoded one ending in "\n", joined (addresses and names joined by "\n").
public struct HeaderView: Sendable {
    let fields: [SpamAssassinHeaderField]
    /// The section exactly as written (for `ALL:raw`).
    private let rawSection: [UInt8]

    public init(_ section: HeaderSection) {
        fields = section.fields.map(SpamAssassinHeaderField.init)
        var raw = Array(section.raw)
        if let last = raw.last, last != 0x0A { raw.append(0x0A) }
        rawSection = raw
    }

    /// Whether a field of that name exists (for `exists:Name` rules).
    public func contains(_ name: String) -> Bool {
        let lowered = name.lowercased()
        return fields.contains { $0.lowercasedName == lowered }
    }

    /// The text a header rule on `request` matches, or nil when there is none (the rule's
    /// `[if-unset: …]` then applies). `envelopeFrom` answers the `EnvelopeFrom` pseudo-header.
    public func text(for request: HeaderRequest, envelopeFrom: String? = nil) -> [UInt8]? {
        let values = self.values(for: request, envelopeFrom: envelopeFrom)
        guard let first = values.first else { return nil }
        let separator: [UInt8] = first.last == 0x0A ? [] : [0x0A]
        var joined: [UInt8] = []
        for (index, value) in values.enumerated() {
            if index > 0 { joined += separator }
            joined += value
        }
        return joined
    }

    /// The list `get` returns in list context.
    public func values(for request: HeaderRequest, envelopeFrom: String? = nil) -> [[UInt8]] {
        let name = request.name
        if name == "ALL" {
            if request.raw { return rawSection.isEmpty ? [] : [rawSection] }
            return fields.map { Array("\($0.name): \($0.decoded)\n".utf8) }
        }
        let lowered = name.lowercased()
        var results: [[UInt8]]
        var lines: [SpamAssassinHeaderField] = []
        if lowered == "envelopefrom" {
            results = envelopeFrom.map { [Array($0.utf8)] } ?? []
        } else if lowered == "tocc" {
            results = (matching("to") + matching("cc")).map { request.raw ? $0.rawUnfolded : decodedLine($0) }
        } else if name == "MESSAGEID" {
            let names = ["x-message-id", "resent-message-id", "x-original-message-id", "message-id"]
            results = names.flatMap { matching($0) }
                .map { request.raw ? $0.rawUnfolded : decodedLine($0) }
                .filter { !$0.isEmpty }
        } else {
            lines = matching(lowered)
            results = lines.map { request.raw || request.addresses || request.displayNames ? $0.raw : decodedLine($0) }
        }
        guard !results.isEmpty else { return [] }
        if request.firstOnly {
            results = [results[0]]
        } else if request.lastOnly {
            results = [results[results.count - 1]]
        }
        guard request.addresses || request.displayNames else { return results }
        return results.flatMap { addressValues(of: $0, request: request) }
    }

    private func matching(_ lowercasedName: String) -> [SpamAssassinHeaderField] {
        fields.filter { $0.lowercasedName == lowercasedName }
    }

    private func decodedLine(_ field: SpamAssassinHeaderField) -> [UInt8] {
        Array(field.decoded.utf8) + [0x0A]
    }

    private func addressValues(of line: [UInt8], request: HeaderRequest) -> [[UInt8]] {
        let entries = HeaderAddressParser.parse(line)
        if request.addresses { return entries.compactMap(\.address) }
        return entries.compactMap { entry in
            guard let phrase = entry.phrase else { return nil }
            if request.raw { return phrase }
            let decoded = SpamAssassinHeaderField.decodeValue(phrase[...], lowercasedName: "", trim: false)
            guard decoded.contains(where: { !$0.isWhitespace }) else { return Array(decoded.utf8) }
            var name = decoded.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            if name.count >= 2, name.hasPrefix("'"), name.hasSuffix("'") { name = String(name.dropFirst().dropLast()) }
            return Array(name.utf8)
        }
    }
}
