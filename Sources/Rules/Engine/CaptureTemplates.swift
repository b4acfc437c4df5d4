/// SpamAssassin 4's capture tags: a header rule with a named group `(?<NAME>…)` sets tag NAME to
/// what the group matched, and a rule whose pattern holds `%{NAME}` runs only once every tag it
/// names is set, each template replaced by the tag's values, quoted, as alternatives
/// (`(?:value1|value2)`). Such a rule's regex depends on the message, so it is compiled per
/// message, and only when its tags are set — and only when a text it reads holds a value of
/// each tag the pattern requires (see `requiredTemplates(in:)`), so that the compile is skipped
/// on the many messages where it could not match.
struct CaptureTemplates: Sendable {
    struct TemplatedRule: Sendable {
        let id: RuleID
        let kind: RuleKind
        let pattern: RegexPattern
        let header: HeaderTest?
        let request: HeaderRequest?
    }

    private(set) var rules: [TemplatedRule] = []
    /// Per rule of `rules`: the tags whose value every match must contain.
    private var requiredTags: [[String]] = []
    /// Tag-capturing header rules: each tag's name and group number.
    private(set) var captures: [RuleID: [(name: String, group: Int)]] = [:]
    let limits: RegexLimits

    init(limits: RegexLimits) {
        self.limits = limits
    }

    mutating func addTemplated(_ rule: TemplatedRule) {
        rules.append(rule)
        requiredTags.append(CaptureTemplates.requiredTemplates(in: rule.pattern))
    }

    mutating func addCaptures(of id: RuleID, pattern: RegexPattern) {
        let groups = pattern.capturedTags.compactMap { name in
            CaptureTemplates.groupNumber(of: name, in: pattern.source).map { (name: name, group: $0) }
        }
        if !groups.isEmpty { captures[id] = groups }
    }

    /// Whether the header rule captures tags (`collectTags` has work to do).
    func capturesTags(_ id: RuleID) -> Bool { captures[id] != nil }

    /// Records the tags `regex` captures in `text` (non-empty values, each once).
    func collectTags(of id: RuleID, regex: CompiledRegex, text: [UInt8], into tags: inout [String: [[UInt8]]]) {
        guard let groups = captures[id],
              let ranges = text.withUnsafeBufferPointer({ regex.captures(in: $0) }) else { return }
        for (name, group) in groups where group < ranges.count {
            guard let range = ranges[group], !range.isEmpty else { continue }
            let value = Array(text[range])
            if !(tags[name]?.contains(value) ?? false) { tags[name, default: []].append(value) }
        }
    }

    /// Runs the templated rules whose tags are all set; sets `counts` to 1 for each that hits.
    func evaluate(_ views: SpamAssassinViews, tags: [String: [[UInt8]]], isActive: (RuleID) -> Bool, counts: inout [Int]) {
        guard !tags.isEmpty else { return }
        for (index, rule) in rules.enumerated() where isActive(rule.id) {
            guard CaptureTemplates.mayMatch(rule, requiring: requiredTags[index], tags: tags, views: views),
                  let source = CaptureTemplates.substitute(rule.pattern, tags: tags),
                  let regex = try? CompiledRegex(bytes: source, options: RegexOptions(rawValue: rule.pattern.options.rawValue), limits: limits)
            else { continue }
            if hits(rule, regex: regex, views: views) { counts[rule.id.index] = 1 }
        }
    }

    private func hits(_ rule: TemplatedRule, regex: CompiledRegex, views: SpamAssassinViews) -> Bool {
        switch rule.kind {
        case .header:
            guard let test = rule.header, let request = rule.request else { return false }
            let text = views.headerText(request) ?? test.ifUnset.map { Array($0.utf8) } ?? []
            return regex.firstMatch(in: text).isMatch != test.isNegated
        case .body: return views.body.contains { regex.firstMatch(in: $0).isMatch }
        case .rawbody: return views.rawBody.contains { regex.firstMatch(in: $0).isMatch }
        case .full: return regex.firstMatch(in: views.full).isMatch
        case .uri: return views.uris.contains { regex.firstMatch(in: $0).isMatch }
        default: return false
        }
    }

    /// Whether some text the rule reads holds, for every required tag, one of its values (ASCII
    /// case ignored, which covers `/i` and inline `(?i)`). A necessary condition: the substituted
    /// pattern matches a value of each required tag literally, inside one text.
    private static func mayMatch(_ rule: TemplatedRule, requiring required: [String], tags: [String: [[UInt8]]], views: SpamAssassinViews) -> Bool {
        guard !required.isEmpty else { return true }
        func holdsEveryTag(_ text: [UInt8]) -> Bool {
            required.allSatisfy { name in tags[name]?.contains { ASCII.containsIgnoringCase(text, $0) } ?? false }
        }
        switch rule.kind {
        case .body: return views.body.contains(where: holdsEveryTag)
        case .rawbody: return views.rawBody.contains(where: holdsEveryTag)
        case .full: return holdsEveryTag(views.full)
        case .uri: return views.uris.contains(where: holdsEveryTag)
        default: return true
        }
    }

    /// The `%{NAME}` templates every match of the pattern must contain: those outside any group
    /// and class, not followed by a quantifier that allows zero, in a pattern without a top-level
    /// `|`. Patterns with `\Q` or the x flags give none (their layout is not read here).
    static func requiredTemplates(in pattern: RegexPattern) -> [String] {
        let source = pattern.source
        if !pattern.options.isDisjoint(with: [.extended, .extendedMore]) || ASCII.contains(source, Array("\\Q".utf8)) { return [] }
        var names: [String] = []
        var depth = 0
        var alternates = false
        scanOutsideClasses(source) { index in
            switch source[index] {
            case UInt8(ascii: "("): depth += 1
            case UInt8(ascii: ")"): depth -= 1
            case UInt8(ascii: "|") where depth == 0:
                alternates = true
                return nil
            case UInt8(ascii: "%") where depth == 0 && index + 1 < source.count && source[index + 1] == UInt8(ascii: "{"):
                guard let close = source[index...].firstIndex(of: UInt8(ascii: "}")) else { break }
                let name = String(decoding: source[(index + 2)..<close], as: UTF8.self)
                let next = close + 1 < source.count ? source[close + 1] : 0
                let allowsZero = next == UInt8(ascii: "?") || next == UInt8(ascii: "*") || next == UInt8(ascii: "{")
                if pattern.captureTemplates.contains(name) && !allowsZero && !names.contains(name) { names.append(name) }
                return close + 1
            default: break
            }
            return index + 1
        }
        if alternates { return [] }
        return names
    }

    /// The pattern with every `%{NAME}` (not escaped) replaced by the tag's quoted values, or nil
    /// when a tag it names is not set.
    static func substitute(_ pattern: RegexPattern, tags: [String: [[UInt8]]]) -> [UInt8]? {
        var source = pattern.source
        for name in pattern.captureTemplates {
            guard let values = tags[name], !values.isEmpty else { return nil }
            let template = Array("%{\(name)}".utf8)
            var replacement = Array("(?:".utf8)
            for (index, value) in values.enumerated() {
                if index > 0 { replacement.append(UInt8(ascii: "|")) }
                for byte in value {
                    let isWord = (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F || byte >= 0x80
                    if !isWord { replacement.append(UInt8(ascii: "\\")) }
                    replacement.append(byte)
                }
            }
            replacement.append(UInt8(ascii: ")"))
            var result: [UInt8] = []
            var index = 0
            while index < source.count {
                if source[index] == UInt8(ascii: "%"), (index == 0 || source[index - 1] != UInt8(ascii: "\\")),
                   source[index...].starts(with: template) {
                    result += replacement
                    index += template.count
                } else {
                    result.append(source[index])
                    index += 1
                }
            }
            source = result
        }
        return source
    }

    /// The number of the capturing group named `name` in a PCRE2 pattern: groups are counted in
    /// the order their opening parentheses appear, skipping escapes, character classes and
    /// non-capturing constructs.
    static func groupNumber(of name: String, in source: [UInt8]) -> Int? {
        var number = 0
        var found: Int?
        let nameBytes = Array(name.utf8)
        scanOutsideClasses(source) { index in
            guard source[index] == UInt8(ascii: "(") else { return index + 1 }
            let rest = source[(index + 1)...]
            if rest.first != UInt8(ascii: "?") && rest.first != UInt8(ascii: "*") {
                number += 1
                return index + 1
            }
            for prefix in ["?<", "?P<", "?'"] where rest.starts(with: Array(prefix.utf8)) {
                let nameStart = rest.startIndex + prefix.utf8.count
                guard nameStart < source.count else { break }
                let first = source[nameStart]
                guard first != UInt8(ascii: "=") && first != UInt8(ascii: "!") else { break }
                number += 1
                if source[nameStart...].starts(with: nameBytes),
                   nameStart + nameBytes.count < source.count,
                   [UInt8(ascii: ">"), UInt8(ascii: "'")].contains(source[nameStart + nameBytes.count]) {
                    found = number
                    return nil
                }
            }
            return index + 1
        }
        return found
    }

    /// Calls `visit` with the index of each byte of a PCRE2 pattern outside escapes and
    /// character classes (a "]" right after "[" or "[^" belongs to the class); `visit` returns
    /// the index to go on from, or nil to stop.
    private static func scanOutsideClasses(_ source: [UInt8], _ visit: (Int) -> Int?) {
        var index = 0
        while index < source.count {
            switch source[index] {
            case UInt8(ascii: "\\"):
                index += 2
            case UInt8(ascii: "["):
                index += 1
                if index < source.count, source[index] == UInt8(ascii: "^") { index += 1 }
                if index < source.count, source[index] == UInt8(ascii: "]") { index += 1 }
                while index < source.count, source[index] != UInt8(ascii: "]") {
                    index += source[index] == UInt8(ascii: "\\") ? 2 : 1
                }
                index += 1
            default:
                guard let next = visit(index) else { return }
                index = next
            }
        }
    }
}
