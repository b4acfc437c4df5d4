import Rules

/// How many rules loaded, by what they look at. `eval` counts the `eval:` rules of every kind
/// (the engine runs them apart from the regexes); `other` the plugin rules (askdns) and `reuse`
/// placeholders. Rules dropped by an error (a regex that does not compile, a meta loop) do not count.
public struct RuleKindCounts: Codable, Sendable, Equatable {
    public var header = 0
    public var body = 0
    public var rawbody = 0
    public var full = 0
    public var uri = 0
    public var mimeheader = 0
    public var meta = 0
    public var eval = 0
    public var other = 0

    public init() {}

    public var total: Int { header + body + rawbody + full + uri + mimeheader + meta + eval + other }

    mutating func count(_ rule: Rule) {
        if case .eval = rule.test {
            eval += 1
            return
        }
        switch rule.kind {
        case .header: header += 1
        case .body: body += 1
        case .rawbody: rawbody += 1
        case .full: full += 1
        case .uri: uri += 1
        case .mimeheader: mimeheader += 1
        case .meta: meta += 1
        case .askdns, .placeholder: other += 1
        }
    }

    /// `header 12, body 30, …` in the order of the JSON fields.
    public var summary: String {
        "header \(header), body \(body), rawbody \(rawbody), full \(full), uri \(uri), mimeheader \(mimeheader), meta \(meta), eval \(eval), other \(other)"
    }
}
