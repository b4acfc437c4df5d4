/// What a `header` rule asks for, in SpamAssassin's syntax `Name[:modifier…]`: a header name or
/// one of the pseudo-headers `ALL`, `ToCc`, `MESSAGEID`, `EnvelopeFrom`, with the modifiers
/// `:raw` (no RFC 2047 decoding, folding kept), `:addr` (the addresses), `:name` (the display
/// names), `:first` / `:last` (only the topmost / bottom field).
public struct HeaderRequest: Sendable, Hashable, CustomStringConvertible {
    public var name: String
    public var raw: Bool
    public var addresses: Bool
    public var displayNames: Bool
    public var firstOnly: Bool
    public var lastOnly: Bool

    public init(name: String, raw: Bool = false, addresses: Bool = false, displayNames: Bool = false, firstOnly: Bool = false, lastOnly: Bool = false) {
        self.name = name
        self.raw = raw
        self.addresses = addresses
        self.displayNames = displayNames
        self.firstOnly = firstOnly
        self.lastOnly = lastOnly
    }

    /// Parses `From:addr`, `Subject:raw`, `ALL`…; modifiers it does not know (`:host`, `:ip`…) are
    /// returned in `unsupported` so the caller can refuse the rule at load time.
    public init(parsing text: String) {
        let pieces = text.split(separator: ":", omittingEmptySubsequences: false)
        self.init(name: String(pieces.first ?? "").trimmingSpaces)
        for modifier in pieces.dropFirst() {
            switch modifier {
            case "raw": raw = true
            case "addr": addresses = true
            case "name": displayNames = true
            case "first": firstOnly = true
            case "last": lastOnly = true
            default: unsupported.append(String(modifier))
            }
        }
    }

    /// Modifiers given to `init(parsing:)` that this view does not implement.
    public private(set) var unsupported: [String] = []

    public var description: String {
        var text = name
        if raw { text += ":raw" }
        if addresses { text += ":addr" }
        if displayNames { text += ":name" }
        if firstOnly { text += ":first" }
        if lastOnly { text += ":last" }
        return text
    }
}

extension String {
    var trimmingSpaces: String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}
