import MailMessage

/// The header fields of one message or MIME part, decoded once, answering header-rule requests
/// in the text SpamAssassin's `PerMsgStatus::get` produces and its header rules match: every
/// value found, each decoded one ending in "\n", joined (addresses and names joined by "\n").
public struct HeaderView: Sendable {
    let fields: [SpamAssassinHeaderField]
    /// The section exactly as written (for `ALL:raw`).
    private let rawSection: [UInt8]
    /// The `X-Spam-Relays-*` pseudo-headers, for a message's own header section.
    let relays: RelayPath?
    /// Per lowercased field name, the positions of its fields in `fields`.
    let positions: [String: [Int]]

    /// `originatingIPHeaders` non-nil: the section is a message's, whose Received fields (and
    /// those named fields' addresses) answer the `X-Spam-Relays-*` pseudo-headers.
    public init(_ section: HeaderSection, originatingIPHeaders: [String]? = nil) {
        // A message's own fields are all read (the `ALL` rules, the relays): decode each once.
        let decodeNow = originatingIPHeaders != nil
        let fields = section.fields.map { SpamAssassinHeaderField($0, decodeNow: decodeNow) }
        self.fields = fields
        var positions: [String: [Int]] = [:]
        for (index, field) in fields.enumerated() { positions[field.lowercasedName, default: []].append(index) }
        self.positions = positions
        relays = originatingIPHeaders.map { RelayPath(fields: fields, originatingIPHeaders: $0) }
        var raw = Array(section.raw)
        if let last = raw.last, last != 0x0A { raw.append(0x0A) }
        rawSection = raw
    }

    private init(fields: [SpamAssassinHeaderField], rawSection: [UInt8], positions: [String: [Int]]) {
        self.fields = fields
        self.rawSection = rawSection
        self.positions = positions
        relays = nil
    }

    /// The same fields without the relay pseudo-headers, as a MIME part's headers are read.
    var withoutRelays: HeaderView {
        HeaderView(fields: fields, rawSection: rawSection, positions: positions)
    }

    /// Whether a field of that name exists (for `exists:Name` rules).
    public func contains(_ name: String) -> Bool {
        positions[name.lowercased()] != nil
    }

    /// The text a header rule on `request` matches, or nil when there is none (the rule's
    /// `[if-unset: …]` then applies). `envelopeFrom` answers the `EnvelopeFrom` pseudo-header.
    public func text(for request: HeaderRequest, envelopeFrom: String? = nil) -> [UInt8]? {
        // `ALL` is one text already: built in one buffer, not as lines joined afterwards.
        if request.name == "ALL" {
            if request.raw { return rawSection.isEmpty ? nil : rawSection }
            return fields.isEmpty ? nil : allFieldsText()
        }
        let values = self.values(for: request, envelopeFrom: envelopeFrom)
        guard let first = values.first else { return nil }
        if values.count == 1 { return first }
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
            return fields.map { field in
                var line: [UInt8] = []
                appendDecodedLine(of: field, to: &line)
                return line
            }
        }
        if let relays, let fromUntrusted = HeaderView.relayPartPseudoHeaders[name] {
            return headerLines(splitAtReceived: relays.lastTrustedIndex + 1, keepingLaterPart: fromUntrusted, raw: request.raw)
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
        } else if let relays, let text = relays.text(forLowercasedName: lowered) {
            results = [Array(text.utf8)]
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

    /// Whether a request on `name` reads the whole header section or a run of its fields (`ALL`,
    /// `ALL-TRUSTED`…) rather than named fields.
    static func isWholeHeader(_ name: String) -> Bool {
        name == "ALL" || relayPartPseudoHeaders[name] != nil
    }

    /// `ALL-TRUSTED` and `ALL-INTERNAL` (false: the fields down to the first untrusted Received
    /// field, that one included), `ALL-UNTRUSTED` and `ALL-EXTERNAL` (true: the fields from that
    /// Received field on).
    private static let relayPartPseudoHeaders = ["ALL-TRUSTED": false, "ALL-INTERNAL": false, "ALL-UNTRUSTED": true, "ALL-EXTERNAL": true]

    /// The fields as `ALL` shows them, cut at the Received field numbered `boundary` (0: the
    /// topmost), as SpamAssassin's `get_all_hdrs_in_rcvd_index_range` cuts them. Nothing is one
    /// empty text: the pseudo-header is then unset.
    private func headerLines(splitAtReceived boundary: Int, keepingLaterPart: Bool, raw: Bool) -> [[UInt8]] {
        var lines: [UInt8] = []
        var receivedIndex = -1
        for field in fields {
            if field.lowercasedName == "received" { receivedIndex += 1 }
            if keepingLaterPart {
                guard receivedIndex >= boundary else { continue }
            } else if receivedIndex > boundary {
                break
            }
            if raw {
                lines += field.name.utf8
                lines.append(UInt8(ascii: ":"))
                field.appendRaw(to: &lines)
            } else {
                appendDecodedLine(of: field, to: &lines)
            }
            if !keepingLaterPart, receivedIndex == boundary { break }
        }
        return lines.isEmpty ? [] : [lines]
    }

    /// Every field as "Name: decoded value\n", in one buffer: the `ALL` text.
    private func allFieldsText() -> [UInt8] {
        var text: [UInt8] = []
        text.reserveCapacity(rawSection.count + 2 * fields.count)
        for field in fields { appendDecodedLine(of: field, to: &text) }
        return text
    }

    /// Appends "Name: decoded value\n" (`ALL`'s line for `field`).
    private func appendDecodedLine(of field: SpamAssassinHeaderField, to text: inout [UInt8]) {
        text += field.name.utf8
        text.append(UInt8(ascii: ":"))
        text.append(UInt8(ascii: " "))
        text += field.decoded.utf8
        text.append(0x0A)
    }

    private func matching(_ lowercasedName: String) -> [SpamAssassinHeaderField] {
        positions[lowercasedName]?.map { fields[$0] } ?? []
    }

    private func decodedLine(_ field: SpamAssassinHeaderField) -> [UInt8] {
        Array(field.decoded.utf8) + [0x0A]
    }

    private func addressValues(of line: [UInt8], request: HeaderRequest) -> [[UInt8]] {
        Self.addressValues(of: HeaderAddressParser.parse(line), request: request)
    }

    /// `decoded`'s white-space runs as single spaces, ends trimmed, one pair of enclosing single
    /// quotes dropped — as the `Character` code below does it — when `decoded` is ASCII (nil
    /// otherwise). In ASCII, white space (Unicode's, which `Character.isWhitespace` asks) is
    /// tab to carriage return and space; "\r\n", one `Character`, is white space there too.
    static func asciiDisplayName(_ decoded: String) -> [UInt8]? {
        decoded.utf8.withContiguousStorageIfAvailable { bytes -> [UInt8]? in
            var name: [UInt8] = []
            name.reserveCapacity(bytes.count)
            var pendingSpace = false
            for byte in bytes {
                guard byte < 0x80 else { return nil }
                if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                    pendingSpace = !name.isEmpty
                    continue
                }
                if pendingSpace { name.append(0x20) }
                pendingSpace = false
                name.append(byte)
            }
            // all white space (or empty): the text as it is
            if name.isEmpty { return Array(bytes) }
            if name.count >= 2, name[0] == UInt8(ascii: "'"), name[name.count - 1] == UInt8(ascii: "'") {
                return Array(name[1..<(name.count - 1)])
            }
            return name
        } ?? nil
    }

    /// What an `:addr` or `:name` request reads of a field's parsed address list.
    static func addressValues(of entries: [HeaderAddressParser.Entry], request: HeaderRequest) -> [[UInt8]] {
        if request.addresses { return entries.compactMap(\.address) }
        return entries.compactMap { entry in
            guard let phrase = entry.phrase else { return nil }
            if request.raw { return phrase }
            let decoded = SpamAssassinHeaderField.decodeValue(phrase[...], lowercasedName: "", trim: false)
            if let name = asciiDisplayName(decoded) { return name }
            guard decoded.contains(where: { !$0.isWhitespace }) else { return Array(decoded.utf8) }
            var name = decoded.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            if name.count >= 2, name.hasPrefix("'"), name.hasSuffix("'") { name = String(name.dropFirst().dropLast()) }
            return Array(name.utf8)
        }
    }
}
