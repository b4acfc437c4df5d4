import MailMessage

/// The texts SpamAssassin rules look at, built once per message from the parsed `MailMessage`:
///
/// - `body`: what `body` rules match, one element per paragraph (SpamAssassin's
///   `get_rendered_body_text_array`): the decoded Subject line, then the text/plain parts and the
///   rendered text/html parts, white space runs collapsed to one space and paragraph breaks to
///   "\n", cut into lines of at most 2048 bytes.
/// - `rawBody`: what `rawbody` rules match (`get_decoded_body_text_array`): the transfer-decoded
///   bytes of each text part, charset and HTML untouched, in pieces of 2–4 KiB.
/// - `full`: the message as received, without an mbox "From " line (`full` rules).
/// - `uris`: every URI and its canonical variants (`uri` rules, `get_uri_list`), sorted.
/// - `headers`: header-rule texts (`HeaderView`), and `mimeHeaders` for `mimeheader` rules.
///
/// All texts are bytes: UTF-8 for decoded text, as SpamAssassin hands its rules UTF-8 octets.
public struct SpamAssassinViews: Sendable {
    public let body: [[UInt8]]
    public let rawBody: [[UInt8]]
    public let full: [UInt8]
    public let uris: [[UInt8]]
    public let headers: HeaderView
    /// The headers of every MIME part, the message itself first, depth first.
    public let mimeHeaders: [HeaderView]
    /// The envelope sender: the SMTP MAIL FROM when known, else guessed from the headers.
    public let envelopeFrom: String?
    /// The parsed message the views were built from (for eval functions).
    public let message: MailMessage
    /// SpamAssassin's HTML parser results for each non-empty text/html leaf, found while
    /// rendering `body` (for the HTMLEval functions and the multipart/alternative comparison).
    let htmlScans: [HTMLLeafScan]

    /// Builds the views. `envelopeFrom` is the SMTP MAIL FROM address when the door knows it.
    public init(message: MailMessage, envelopeFrom: String? = nil, environment: ViewEnvironment = .standard) {
        self.message = message
        let headers = HeaderView(message.headers, originatingIPHeaders: environment.options.originatingIPHeaders)
        self.headers = headers
        let subject = headers.values(for: HeaderRequest(name: "Subject")).last ?? [0x0A]
        let options = environment.options
        let leaves = BodyRenderer.decodedLeaves(of: message)
        (body, htmlScans) = BodyRenderer.bodyLinesAndHTML(of: leaves, subject: subject, scanSize: options.bodyPartScanSize)
        rawBody = BodyRenderer.rawBodyChunks(of: leaves, scanSize: options.rawBodyPartScanSize)
        if let fromLine = message.mboxFromLine, fromLine.startIndex == 0 {
            full = Array(message.raw[fromLine.endIndex...])
        } else {
            full = message.raw
        }
        let htmlURIs = message.leaves.flatMap { part -> [String] in
            guard BodyRenderer.effectiveType(of: part) == "text/html", let leaf = part.leaf else { return [] }
            return leaf.html?.uris ?? []
        }
        uris = environment.uriBuilder.uris(bodyLines: body, htmlURIs: htmlURIs)
        // the message's own fields are decoded already: the root part shares them
        mimeHeaders = [headers.withoutRelays] + message.allParts.dropFirst().map { HeaderView($0.headers) }
        self.envelopeFrom = envelopeFrom ?? headers.guessedEnvelopeFrom()
    }

    /// The text a `header` rule matches, nil when the header is absent (`[if-unset: …]` is the
    /// caller's).
    public func headerText(_ request: HeaderRequest) -> [UInt8]? {
        headers.text(for: request, envelopeFrom: envelopeFrom)
    }

    /// `headerText(HeaderRequest(parsing: "From:addr"))`.
    public func headerText(_ request: String) -> [UInt8]? {
        headerText(HeaderRequest(parsing: request))
    }

    /// For a `mimeheader` rule: per MIME part (message first, depth first), the last field of that
    /// name (decoded with "\n", or raw), or for `ALL` every field as "Name: value\n"; nil where the
    /// part has none.
    public func mimeHeaderTexts(_ name: String, raw: Bool = false) -> [[UInt8]?] {
        mimeHeaders.map { part in
            if name == "ALL" {
                let lines = part.fields.map { field in
                    Array("\(field.name):".utf8) + (raw ? field.rawUnfolded : Array(" \(field.decoded)\n".utf8))
                }
                return lines.isEmpty ? nil : lines.flatMap { $0 }
            }
            let lowered = name.lowercased()
            guard let field = part.fields.last(where: { $0.lowercasedName == lowered }) else { return nil }
            return raw ? field.raw : Array(field.decoded.utf8) + [0x0A]
        }
    }
}
