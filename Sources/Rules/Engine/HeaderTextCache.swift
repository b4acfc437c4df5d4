/// The header texts one message's rules read, each distinct request (`CompiledRuleSet.headerRequests`)
/// built the first time a rule asks for it and kept for the rest of the scan. A request on a
/// plain field the message lacks is answered "absent" without building anything.
struct HeaderTextCache {
    private let views: SpamAssassinViews
    private let requests: [HeaderRequest]
    private let presence: HeaderFieldPresence
    private let fieldsPresent: [Bool]
    private var texts: [[UInt8]?]
    private var known: [Bool]

    init(views: SpamAssassinViews, requests: [HeaderRequest], presence: HeaderFieldPresence) {
        self.views = views
        self.requests = requests
        self.presence = presence
        fieldsPresent = presence.fieldsPresent(in: views.headers)
        texts = Array(repeating: nil, count: requests.count)
        known = Array(repeating: false, count: requests.count)
    }

    /// Whether the field request `slot` reads is known to be missing (its text is then nil).
    private func isAbsent(_ slot: Int) -> Bool {
        let field = presence.fieldOfSlot[slot]
        return field >= 0 && !fieldsPresent[field]
    }

    /// The text of request `slot`, nil when the header is absent.
    mutating func text(_ slot: Int) -> [UInt8]? {
        if !known[slot] {
            texts[slot] = isAbsent(slot) ? nil : views.headerText(requests[slot])
            known[slot] = true
        }
        return texts[slot]
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
