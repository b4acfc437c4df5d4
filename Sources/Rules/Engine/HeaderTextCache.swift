/// The header texts one message's rules read, each distinct request (`CompiledRuleSet.headerRequests`)
/// built the first time a rule asks for it and kept for the rest of the scan.
struct HeaderTextCache {
    private let views: SpamAssassinViews
    private let requests: [HeaderRequest]
    private var texts: [[UInt8]?]
    private var known: [Bool]

    init(views: SpamAssassinViews, requests: [HeaderRequest]) {
        self.views = views
        self.requests = requests
        texts = Array(repeating: nil, count: requests.count)
        known = Array(repeating: false, count: requests.count)
    }

    /// The text of request `slot`, nil when the header is absent.
    mutating func text(_ slot: Int) -> [UInt8]? {
        if !known[slot] {
            texts[slot] = views.headerText(requests[slot])
            known[slot] = true
        }
        return texts[slot]
    }
}
