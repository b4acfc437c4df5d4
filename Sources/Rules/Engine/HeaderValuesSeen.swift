/// The header values the `header` rules of one message had built (`HeaderTextCache`), handed to
/// the eval functions so a request both ask for is read from the fields once.
struct HeaderValuesSeen {
    /// Request → its slot in `CompiledRuleSet.headerRequests` (`HeaderRulePlan.slotByRequest`).
    let slotByRequest: [HeaderRequest: Int]
    /// Per slot: `HeaderView.values(for:envelopeFrom:)` of its request, nil where not built.
    let valuesBySlot: [[[UInt8]]?]

    static let none = HeaderValuesSeen(slotByRequest: [:], valuesBySlot: [])

    /// The values of `request`, nil when the rules did not build them.
    func values(for request: HeaderRequest) -> [[UInt8]]? {
        guard !valuesBySlot.isEmpty, let slot = slotByRequest[request] else { return nil }
        return valuesBySlot[slot]
    }
}
