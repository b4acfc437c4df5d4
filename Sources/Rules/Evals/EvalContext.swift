import MailMessage

/// Everything the eval functions read about one message, computed when first asked and kept for
/// the rest of the scan: header texts, the HTML and MIME statistics, image sizes, dates. One per
/// message and thread; a message no eval asks about pays for nothing.
final class EvalContext {
    let views: SpamAssassinViews
    let message: MailMessage
    let bayesProbability: Double?
    let configuration: EvalConfiguration

    /// The values the header rules read already.
    private let valuesSeen: HeaderValuesSeen

    init(views: SpamAssassinViews, bayesProbability: Double?, configuration: EvalConfiguration, valuesSeen: HeaderValuesSeen = .none) {
        self.views = views
        self.message = views.message
        self.bayesProbability = bayesProbability
        self.configuration = configuration
        self.valuesSeen = valuesSeen
        answers = Array(repeating: RequestAnswers(), count: EvalHeaderRequestSlots.count)
    }

    /// `views.headers.values(for: request, envelopeFrom: views.envelopeFrom)`, taken from the
    /// header rules' reading when they had one.
    private func byteValues(_ request: EvalHeaderRequest) -> [[UInt8]] {
        // a plain field the message lacks has no values: one lookup (most requests name such
        // a field) instead of hashing the request for the rules' values or the reading below
        if request.namesPlainField, views.headers.positions[request.lowercasedName] == nil { return [] }
        if let seen = valuesSeen.values(for: request.parsed) { return seen }
        return views.headers.values(for: request.parsed, envelopeFrom: views.envelopeFrom)
    }

    /// Whether `HeaderView.values` answers a request on `name` from the fields of that name
    /// alone: not `ALL…`, `EnvelopeFrom`, `ToCc`, `MESSAGEID` nor an `X-Spam-Relays-*` pseudo-header.
    static func namesPlainField(_ name: String) -> Bool {
        var name = name
        return name.withUTF8 { bytes in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return false }
            func hasPrefix(_ prefix: StaticString, caseless: Bool) -> Bool {
                let wanted = UnsafeBufferPointer(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount)
                guard bytes.count >= wanted.count else { return false }
                return wanted.indices.allSatisfy { caseless ? ASCII.lower(bytes[$0]) == wanted[$0] : bytes[$0] == wanted[$0] }
            }
            if hasPrefix("ALL", caseless: false) || hasPrefix("MESSAGEID", caseless: false) || hasPrefix("x-spam-relays-", caseless: true) {
                return false
            }
            return !(bytes.count == 12 && hasPrefix("envelopefrom", caseless: true)) && !(bytes.count == 4 && hasPrefix("tocc", caseless: true))
        }
    }

    /// What one request answered for this message, each form built when first asked.
    private struct RequestAnswers {
        var list: [String]?
        var scalar: String?
        var scalarBytes: [UInt8]?
    }

    /// By `EvalHeaderRequest.slot`.
    private var answers: [RequestAnswers]

    /// `answers[slot]`, the array grown when a request was numbered after this context was made.
    private func answers(at slot: Int) -> RequestAnswers {
        slot < answers.count ? answers[slot] : RequestAnswers()
    }

    private func record(_ slot: Int, _ update: (inout RequestAnswers) -> Void) {
        if slot >= answers.count { answers.append(contentsOf: repeatElement(RequestAnswers(), count: slot + 1 - answers.count)) }
        update(&answers[slot])
    }

    /// `$pms->get(request)` in list context: every value.
    func list(_ request: EvalHeaderRequest) -> [String] {
        if let cached = answers(at: request.slot).list { return cached }
        let values = byteValues(request).map { ASCII.string($0) }
        record(request.slot) { $0.list = values }
        return values
    }

    /// `$pms->get(request)` in scalar context: the first address or name for `:addr` / `:name`
    /// and EnvelopeFrom (without "\n"), else every value joined; "" when there is none.
    func scalar(_ request: EvalHeaderRequest) -> String {
        if let cached = answers(at: request.slot).scalar { return cached }
        let value = uncachedScalar(request)
        record(request.slot) { $0.scalar = value }
        return value
    }

    /// `scalar(request)` as UTF-8 bytes (invalid input already repaired, as in the String); a
    /// joined scalar is put together from the field bytes without building the Strings.
    func scalarBytes(_ request: EvalHeaderRequest) -> [UInt8] {
        let known = answers(at: request.slot)
        if let cached = known.scalarBytes { return cached }
        let value: [UInt8]
        if let cachedString = known.scalar ?? (request.takesFirstValue ? scalar(request) : nil) {
            value = Array(cachedString.utf8)
        } else {
            value = Self.joinedRepairingUTF8(byteValues(request))
        }
        record(request.slot) { $0.scalarBytes = value }
        return value
    }

    /// The bytes of `values.map { ASCII.string($0) }.joined()`: each value kept as it is when it
    /// is valid UTF-8, else repaired as the String repairs it.
    static func joinedRepairingUTF8(_ values: [[UInt8]]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(values.reduce(0) { $0 + $1.count })
        for value in values {
            if ByteWords.allASCII(value) || String(validating: value, as: UTF8.self) != nil {
                result += value
            } else {
                result += ASCII.string(value).utf8
            }
        }
        return result
    }

    /// Whether the scalar of `request` is its first value (`:addr`, `:name`, EnvelopeFrom)
    /// rather than every value joined.
    static func takesFirstValue(_ request: String) -> Bool {
        if request == "EnvelopeFrom" { return true }
        // the non-empty runs between ":"s after the first such run (as `split` cuts them), read in place
        var request = request
        return request.withUTF8 { bytes in
            var start = 0, runs = 0
            while start < bytes.count {
                let stop = bytes[start...].firstIndex(of: UInt8(ascii: ":")) ?? bytes.count
                if stop > start {
                    runs += 1
                    let run = bytes[start..<stop]
                    if runs > 1, run.elementsEqual("addr".utf8) || run.elementsEqual("name".utf8) { return true }
                }
                start = stop + 1
            }
            return false
        }
    }

    private func uncachedScalar(_ request: EvalHeaderRequest) -> String {
        let values = list(request)
        guard let first = values.first else { return "" }
        if request.takesFirstValue {
            return first.hasSuffix("\n") ? String(first.dropLast()) : first
        }
        return values.joined()
    }

    /// Whether the header exists, as `get(name, undef)` being defined.
    func has(_ request: EvalHeaderRequest) -> Bool { !list(request).isEmpty }

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
            guard !URIEvals.isMailto(uri), let host = URIEvals.host(of: uri) else { return nil }
            return seen.insert(host).inserted ? host : nil
        }
    }()
    /// `URIEvals.asciiLastLabel` of each of `uriHosts`.
    lazy var uriHostLastLabels: [String?] = uriHosts.map(URIEvals.asciiLastLabel)
    private var uriHostListKeys: [[String]?] = []

    /// `URIEvals.listKeys(of: uriHosts[index])`, made once per host.
    func uriHostListKeys(at index: Int) -> [String] {
        if uriHostListKeys.isEmpty { uriHostListKeys = Array(repeating: nil, count: uriHosts.count) }
        if let keys = uriHostListKeys[index] { return keys }
        let keys = URIEvals.listKeys(of: uriHosts[index])
        uriHostListKeys[index] = keys
        return keys
    }
    /// The Received relays, split where trust ends.
    lazy var relays: RelayPath = views.headers.relays ?? RelayPath(fields: views.headers.fields, originatingIPHeaders: [])
    lazy var hotmail: (forged: Bool, missing: Bool) = ReceivedEvals.hotmail(self)
    lazy var forgedReceivedCounts = ForgedReceivedCounts(relays.untrustedRelays)
    /// Every Received field, white space runs squeezed to one space.
    lazy var squeezedReceived: [UInt8] = ReceivedEvals.squeezed(scalarBytes(.received))
    lazy var gatedThroughReceivedRemover: Bool = ReceivedEvals.computeGatedThroughReceivedRemover(self)

    /// `all_from_addrs`: Resent-From when present, else From, Envelope-Sender, Resent-Sender,
    /// X-Envelope-From and the envelope sender, without repeats.
    lazy var allFromAddresses: [String] = {
        var addresses = list(.firstResentFromAddress)
        if addresses.isEmpty {
            addresses = Self.fromRequests
                .flatMap { list($0) }
                .filter { !$0.isEmpty }
                .map(Self.squeezingDots)
        }
        return Self.withoutRepeats(addresses)
    }()

    private static let fromRequests = ["From:addr", "Envelope-Sender:addr", "Resent-Sender:addr", "X-Envelope-From:addr", "EnvelopeFrom:addr"]
        .map(EvalHeaderRequest.init)
    private static let toRequests = ["To", "Apparently-To", "Delivered-To", "Envelope-Recipients", "Apparently-Resent-To", "X-Envelope-To",
                                     "Envelope-To", "X-Delivered-To", "X-Original-To", "X-Rcpt-To", "X-Real-To", "Cc"]
        .map { EvalHeaderRequest("\($0):addr") }

    /// The addresses without the ones equal (as Strings) to an earlier one, in order.
    static func withoutRepeats(_ addresses: [String]) -> [String] {
        // a handful of addresses: comparing with the kept ones costs less than hashing them all
        guard addresses.count > 8 else {
            var kept: [String] = []
            for address in addresses where !kept.contains(address) { kept.append(address) }
            return kept
        }
        var seen = Set<String>()
        return addresses.filter { seen.insert($0).inserted }
    }

    /// `all_to_addrs`: Resent-To/Cc when present, else the Received "for" addresses and every
    /// recipient header.
    lazy var allToAddresses: [String] = {
        var addresses = list(.firstResentToAddress) + list(.firstResentCcAddress)
        if addresses.isEmpty {
            for line in list(.received).prefix(3) {
                if let address = Self.receivedFor.firstGroup(in: Array(line.utf8)) { addresses.append(ASCII.string(address)) }
            }
            addresses += Self.toRequests.flatMap { list($0) }
        }
        return Self.withoutRepeats(addresses)
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
        var text = text
        let parsed = text.withUTF8 { bytes -> HeaderRequest? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            let end = bytes.firstIndex(of: UInt8(ascii: ":")) ?? bytes.count
            var nameStart = 0, nameEnd = end
            while nameStart < nameEnd, bytes[nameStart] == 0x20 || bytes[nameStart] == 0x09 { nameStart += 1 }
            while nameEnd > nameStart, bytes[nameEnd - 1] == 0x20 || bytes[nameEnd - 1] == 0x09 { nameEnd -= 1 }
            var request = HeaderRequest(name: String(decoding: UnsafeBufferPointer(rebasing: bytes[nameStart..<nameEnd]), as: UTF8.self))
            var start = end + 1
            while start <= bytes.count {
                let stop = bytes[start...].firstIndex(of: UInt8(ascii: ":")) ?? bytes.count
                let modifier = bytes[start..<stop]
                if modifier.elementsEqual("raw".utf8) {
                    request.raw = true
                } else if modifier.elementsEqual("addr".utf8) {
                    request.addresses = true
                } else if modifier.elementsEqual("name".utf8) {
                    request.displayNames = true
                } else if modifier.elementsEqual("first".utf8) {
                    request.firstOnly = true
                } else if modifier.elementsEqual("last".utf8) {
                    request.lastOnly = true
                } else {
                    return nil
                }
                start = stop + 1
            }
            return request
        }
        return parsed ?? HeaderRequest(parsing: text)
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
