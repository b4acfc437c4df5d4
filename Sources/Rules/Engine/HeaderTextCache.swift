/// The header texts one message's rules read, each distinct request (`CompiledRuleSet.headerRequests`)
/// built the first time a rule asks for it and kept for the rest of the scan. A request on a
/// plain field the message lacks is answered "absent" without building anything.
struct HeaderTextCache {
    private let views: SpamAssassinViews
    private let requests: [HeaderRequest]
    private let presence: HeaderFieldPresence
    private let fieldsPresent: [Bool]
    /// Per field number: the positions of its fields in `views.headers.fields`.
    private let fieldPositions: [[Int]]
    private var texts: [[UInt8]?]
    private var known: [Bool]
    /// Per slot: the values its text was joined from, nil where none were read.
    private var values: [[[UInt8]]?]
    /// Per field position: its address list, parsed once for all its `:addr` and `:name` requests.
    private var addressLists: [[HeaderAddressParser.Entry]?] = []

    init(views: SpamAssassinViews, requests: [HeaderRequest], presence: HeaderFieldPresence) {
        self.views = views
        self.requests = requests
        self.presence = presence
        let fieldPositions = presence.fieldPositions(in: views.headers)
        self.fieldPositions = fieldPositions
        fieldsPresent = fieldPositions.map { !$0.isEmpty }
        texts = Array(repeating: nil, count: requests.count)
        known = Array(repeating: false, count: requests.count)
        values = Array(repeating: nil, count: requests.count)
    }

    /// The values read so far, for the eval functions.
    func seen(slotByRequest: [HeaderRequest: Int]) -> HeaderValuesSeen {
        HeaderValuesSeen(slotByRequest: slotByRequest, valuesBySlot: values)
    }

    /// Whether the field request `slot` reads is known to be missing (its text is then nil).
    private func isAbsent(_ slot: Int) -> Bool {
        let field = presence.fieldOfSlot[slot]
        return field >= 0 && !fieldsPresent[field]
    }

    /// The text of request `slot`, nil when the header is absent. Apart from `ALL`, the text is
    /// the request's values joined as `HeaderView.text(for:envelopeFrom:)` joins them, and the
    /// values are kept for the evals.
    mutating func text(_ slot: Int) -> [UInt8]? {
        if !known[slot] {
            known[slot] = true
            let request = requests[slot]
            let field = presence.fieldOfSlot[slot]
            if isAbsent(slot) {
                texts[slot] = nil
            } else if request.name == "ALL" {
                texts[slot] = views.headerText(request)
            } else {
                let found = field >= 0
                    ? fieldValues(at: fieldPositions[field], request: request)
                    : views.headers.values(for: request, envelopeFrom: views.envelopeFrom)
                values[slot] = found
                texts[slot] = Self.joined(found)
            }
        }
        return texts[slot]
    }

    /// `HeaderView.values(for:envelopeFrom:)` for a request on a plain field, from the field
    /// positions found once per message rather than by name per request, each field's address
    /// list parsed at most once (`From:addr` and `From:name` share it).
    private mutating func fieldValues(at positions: [Int], request: HeaderRequest) -> [[UInt8]] {
        guard let firstPosition = positions.first, let lastPosition = positions.last else { return [] }
        let chosen = request.firstOnly ? [firstPosition] : (request.lastOnly ? [lastPosition] : positions)
        let headers = views.headers
        if request.addresses || request.displayNames {
            if addressLists.isEmpty { addressLists = Array(repeating: nil, count: headers.fields.count) }
            var found: [[UInt8]] = []
            for position in chosen {
                let entries = addressLists[position] ?? HeaderAddressParser.parse(headers.fields[position].raw)
                addressLists[position] = entries
                found += HeaderView.addressValues(of: entries, request: request)
            }
            return found
        }
        return chosen.map { position in
            let field = headers.fields[position]
            if request.raw { return field.raw }
            var line = Array(field.decoded.utf8)
            line.append(0x0A)
            return line
        }
    }

    /// Header values as one text: nil for none, the value itself for one, else each value after
    /// the first preceded by "\n" unless the first value ends in one.
    static func joined(_ values: [[UInt8]]) -> [UInt8]? {
        guard let first = values.first else { return nil }
        if values.count == 1 { return first }
        let separated = first.last != 0x0A
        var joined: [UInt8] = []
        joined.reserveCapacity(values.reduce(values.count) { $0 + $1.count })
        for (index, value) in values.enumerated() {
            if index > 0, separated { joined.append(0x0A) }
            joined += value
        }
        return joined
    }

    /// Whether request `slot` has a text (`exists:` rules), built only when the field's presence
    /// does not settle it.
    mutating func hasText(_ slot: Int) -> Bool {
        if known[slot] { return texts[slot] != nil }
        let field = presence.fieldOfSlot[slot]
        if field >= 0 && (!fieldsPresent[field] || presence.presentFieldGivesText[slot]) { return fieldsPresent[field] }
        return text(slot) != nil
    }
}
