import MailMessage

/// Everything the eval functions read about one message, computed when first asked and kept for
/// the rest of the scan: header texts, the HTML and MIME statistics, image sizes, dates. One per
/// message and thread; a message no eval asks about pays for nothing.
final class EvalContext {
    let views: SpamAssassinViews
    let message: MailMessage
    let bayesProbability: Double?
    let configuration: EvalConfiguration

    init(views: SpamAssassinViews, bayesProbability: Double?, configuration: EvalConfiguration) {
        self.views = views
        self.message = views.message
        self.bayesProbability = bayesProbability
        self.configuration = configuration
    }

    private var headerCache: [String: [String]] = [:]

    /// `$pms->get(request)` in list context: every value.
    func list(_ request: String) -> [String] {
        if let cached = headerCache[request] { return cached }
        let values = views.headers.values(for: Self.parsedRequest(request), envelopeFrom: views.envelopeFrom).map { ASCII.string($0) }
        headerCache[request] = values
        return values
    }

    private var scalarCache: [String: String] = [:]
    private var scalarBytesCache: [String: [UInt8]] = [:]

    /// `$pms->get(request)` in scalar context: the first address or name for `:addr` / `:name`
    /// and EnvelopeFrom (without "\n"), else every value joined; "" when there is none.
    func scalar(_ request: String) -> String {
        if let cached = scalarCache[request] { return cached }
        let value = uncachedScalar(request)
        scalarCache[request] = value
        return value
    }

    /// `scalar(request)` as UTF-8 bytes (invalid input already repaired, as in the String).
    func scalarBytes(_ request: String) -> [UInt8] {
        if let cached = scalarBytesCache[request] { return cached }
        let value = Array(scalar(request).utf8)
        scalarBytesCache[request] = value
        return value
    }

    private func uncachedScalar(_ request: String) -> String {
        let values = list(request)
        guard let first = values.first else { return "" }
        let modifiers = request.utf8.split(separator: UInt8(ascii: ":")).dropFirst()
        if modifiers.contains(where: { $0.elementsEqual("addr".utf8) || $0.elementsEqual("name".utf8) }) || request == "EnvelopeFrom" {
            return first.hasSuffix("\n") ? String(first.dropLast()) : first
        }
        return values.joined()
    }

    /// Whether the header exists, as `get(name, undef)` being defined.
    func has(_ request: String) -> Bool { !list(request).isEmpty }

    /// SpamAssassin's leaves and multiparts in its order (an embedded message counts as a leaf).
    lazy var parts: [MIMEPart] = {
        var result: [MIMEPart] = []
        func walk(_ part: MIMEPart) {
            result.append(part)
            if case .multipart(let multipart) = part.content { multipart.parts.forEach(walk) }
        }
        walk(message.root)
        return result
    }()

    lazy var html: [HTMLStatistics] = HTMLEvals.statistics(of: self)
    lazy var mime: MIMEStatistics = MIMEStatistics(self)
    lazy var images: ImageSummary = ImageSummary(parts: parts)
    lazy var dates: DateSummary = DateSummary(self)
    lazy var recipients: RecipientSummary = RecipientSummary(self)
    lazy var parseFlags: MessageParseFlags = MessageParseFlags(message)
    lazy var bodyCache: [String: Double] = [:]
    /// The distinct hosts of the message's URIs (mailto: aside).
    lazy var uriHosts: [String] = {
        var seen = Set<String>()
        return views.uris.compactMap { uri -> String? in
            guard !ASCII.lowercased(uri.prefix(7)).elementsEqual("mailto:".utf8), let host = URIEvals.host(of: uri) else { return nil }
            return seen.insert(host).inserted ? host : nil
        }
    }()
    /// `URIEvals.listKeys` of each of `uriHosts`, for the host-list evals.
    lazy var uriHostKeys: [[String]] = uriHosts.map(URIEvals.listKeys)
    /// The Received relays, split where trust ends.
    lazy var relays: RelayPath = views.headers.relays ?? RelayPath(fields: views.headers.fields, originatingIPHeaders: [])
    lazy var hotmail: (forged: Bool, missing: Bool) = ReceivedEvals.hotmail(self)
    lazy var forgedReceivedCounts = ForgedReceivedCounts(relays.untrustedRelays)
    /// Every Received field, white space runs squeezed to one space.
    lazy var squeezedReceived: [UInt8] = ReceivedEvals.squeezed(scalarBytes("Received"))
    lazy var gatedThroughReceivedRemover: Bool = ReceivedEvals.computeGatedThroughReceivedRemover(self)

    /// `all_from_addrs`: Resent-From when present, else From, Envelope-Sender, Resent-Sender,
    /// X-Envelope-From and the envelope sender, without repeats.
    lazy var allFromAddresses: [String] = {
        var addresses = list("Resent-From:first:addr")
        if addresses.isEmpty {
            addresses = ["From:addr", "Envelope-Sender:addr", "Resent-Sender:addr", "X-Envelope-From:addr", "EnvelopeFrom:addr"]
                .flatMap { list($0) }
                .filter { !$0.isEmpty }
                .map(Self.squeezingDots)
        }
        var seen = Set<String>()
        return addresses.filter { seen.insert($0).inserted }
    }()

    /// `all_to_addrs`: Resent-To/Cc when present, else the Received "for" addresses and every
    /// recipient header.
    lazy var allToAddresses: [String] = {
        var addresses = list("Resent-To:first:addr") + list("Resent-Cc:first:addr")
        if addresses.isEmpty {
            for line in list("Received").prefix(3) {
                if let address = Self.receivedFor.firstGroup(in: Array(line.utf8)) { addresses.append(ASCII.string(address)) }
            }
            let names = ["To", "Apparently-To", "Delivered-To", "Envelope-Recipients", "Apparently-Resent-To", "X-Envelope-To",
                         "Envelope-To", "X-Delivered-To", "X-Original-To", "X-Rcpt-To", "X-Real-To", "Cc"]
            addresses += names.flatMap { list("\($0):addr") }
        }
        var seen = Set<String>()
        return addresses.filter { seen.insert($0).inserted }
    }()

    /// `allFromAddresses`, each through `AddressList.lowercasedBytes`.
    lazy var allFromAddressesLowercased: [[UInt8]] = allFromAddresses.map(AddressList.lowercasedBytes)
    /// `allToAddresses`, each through `AddressList.lowercasedBytes`.
    lazy var allToAddressesLowercased: [[UInt8]] = allToAddresses.map(AddressList.lowercasedBytes)

    /// FreeMail's body addresses (`FreeMailEvals.bodyFreemails`), found once for every eval.
    lazy var bodyFreemails: [String]? = FreeMailEvals.bodyFreemails(self)

    private var freemailAnswers: [String: Bool] = [:]

    /// `configuration.isFreemail(email)`, asked once per address.
    func isFreemail(_ email: String) -> Bool {
        if let known = freemailAnswers[email] { return known }
        let answer = configuration.isFreemail(email)
        freemailAnswers[email] = answer
        return answer
    }

    private static let receivedFor = try! CompiledRegex(#" for <?(\S+\@\S+?\.\S+?)>?;"#)

    /// `HeaderRequest(parsing: text)`, read from the bytes when they are ASCII (the requests
    /// eval functions make; the String parse costs more than the header lookup).
    static func parsedRequest(_ text: String) -> HeaderRequest {
        let bytes = Array(text.utf8)
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return HeaderRequest(parsing: text) }
        var pieces = bytes.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)[...]
        var name = pieces.popFirst() ?? []
        while let first = name.first, first == 0x20 || first == 0x09 { name.removeFirst() }
        while let last = name.last, last == 0x20 || last == 0x09 { name.removeLast() }
        var request = HeaderRequest(name: ASCII.string(name))
        for modifier in pieces {
            switch ASCII.string(modifier) {
            case "raw": request.raw = true
            case "addr": request.addresses = true
            case "name": request.displayNames = true
            case "first": request.firstOnly = true
            case "last": request.lastOnly = true
            default: return HeaderRequest(parsing: text)
            }
        }
        return request
    }

    /// Runs of "." squeezed to one (by Character, as FreeMail's Perl does by code point).
    static func squeezingDots(_ address: String) -> String {
        // without ".." in the bytes no "." Character follows another
        var previous: UInt8 = 0
        guard address.utf8.contains(where: { byte in
            defer { previous = byte }
            return byte == UInt8(ascii: ".") && previous == UInt8(ascii: ".")
        }) else { return address }
        var result = ""
        for character in address where !(character == "." && result.last == ".") { result.append(character) }
        return result
    }
}
