/// A header request an eval function makes (`From:addr`, `Received`…), parsed and numbered once
/// at load: the per-message lookups (`EvalContext.list`, `scalar`, `scalarBytes`) read an array
/// at `slot` instead of hashing the text on every call.
final class EvalHeaderRequest: Sendable {
    let text: String
    /// `EvalContext.parsedRequest(text)`.
    let parsed: HeaderRequest
    /// `EvalContext.namesPlainField(parsed.name)`.
    let namesPlainField: Bool
    /// `parsed.name.lowercased()`, the key of `HeaderView.positions`.
    let lowercasedName: String
    /// `EvalContext.takesFirstValue(text)`.
    let takesFirstValue: Bool
    /// The same number for the same text, process-wide (`EvalHeaderRequestSlots`).
    let slot: Int

    init(_ text: String) {
        self.text = text
        parsed = EvalContext.parsedRequest(text)
        namesPlainField = EvalContext.namesPlainField(parsed.name)
        lowercasedName = parsed.name.lowercased()
        takesFirstValue = EvalContext.takesFirstValue(text)
        slot = EvalHeaderRequestSlots.slot(for: text)
    }
}
