extension CompiledRuleSet {
    /// Every compiled rule's pattern analysis as text, one line per item, in a fixed order: the
    /// patterns PCRE2 runs (rewritten, guarded, projected), the prefilter's literals in every
    /// mode, line gates, start prefixes and the prefilters' summaries. Two builds that print the
    /// same lines compiled the rules alike; for checking that a change to the analysis changed
    /// no result.
    public func analysisDump() -> [String] {
        var lines: [String] = []
        let kinds: [(String, [CompiledPatternRule], LiteralPrefilter?)] = [
            ("header", header, nil), ("mimeheader", mimeHeader, nil), ("body", body, bodyPrefilter),
            ("rawbody", rawBody, rawBodyPrefilter), ("full", full, fullPrefilter), ("uri", uri, uriPrefilter),
        ]
        for (kind, rules, prefilter) in kinds {
            for (target, rule) in rules.enumerated() {
                let name = "\(kind) \(ruleSet[rule.id].name)"
                lines += CompiledRuleSet.analysisLines(of: rule).map { "\(name) \($0)" }
                if let summary = prefilter?.gateSummary(of: target) { lines.append("\(name) gateSummary \(summary)") }
            }
            if let prefilter {
                lines.append("\(kind) prefiltered \(prefilter.prefilteredCount) of \(prefilter.regexCount)")
                lines += prefilter.runSetSummaries.map { "\(kind) runSet \($0)" }
            }
        }
        lines.append("problems \(problems.count)")
        return lines
    }

    static func analysisLines(of rule: CompiledPatternRule) -> [String] {
        let source = rule.regex.literalSource, options = rule.regex.options
        func show(_ bytes: [UInt8]?) -> String { bytes.map(escaped) ?? "nil" }
        func show(_ set: [[UInt8]]?) -> String { set.map { "{" + $0.map(escaped).joined(separator: ", ") + "}" } ?? "nil" }
        func show(_ regex: CompiledRegex?) -> String {
            regex.map { "\(show($0.patternBytes)) jit=\($0.isJITCompiled) groups=\($0.captureCount)" } ?? "nil"
        }
        var lines = [
            "regex \(show(rule.regex))",
            "search \(show(rule.searchRegex))",
            "ascii \(show(rule.asciiRegex)) matches=\(rule.matchesASCII)",
            "plain \(show(rule.plainRegex)) matches=\(rule.matchesPlain)",
            "literals \(show(RequiredLiterals.extract(from: source, options: options)))",
            "asciiLiterals \(show(RequiredLiterals.extract(from: source, options: options, asciiText: true)))",
            "alnumLiterals \(show(RequiredLiterals.extract(from: source, options: options, alphanumeric: true)))",
            "asciiAlnumLiterals \(show(RequiredLiterals.extract(from: source, options: options, asciiText: true, alphanumeric: true)))",
        ]
        for ascii in [false, true] {
            let gated = RequiredLiterals.extractGated(from: source, options: options, asciiText: ascii)
            lines.append("gated ascii=\(ascii) \(show(gated?.literals)) gate=\(show(gated?.gate))")
        }
        let repeated = RequiredLiterals.repeated(in: source, options: options)
        lines.append("repeated \(show(repeated?.literals)) count=\(repeated?.count ?? 0)")
        lines.append("lineGate \(LineGateExtractor.gate(for: source, options: options).map { "\($0)" } ?? "nil")")
        if rule.header != nil { lines.append("relayLiterals \(show(RelayTextLiterals.literals(for: source, options: options)))") }
        let rewritten = LeadingOptionalRewrite.rewrite(source, options: options)
        lines.append("rewrite \(show(rewritten))")
        lines.append("guard \(show(StartGuard.guarded(rewritten ?? source, options: options, onlyWhenWorthIt: false)))")
        var parser = PatternGateParser(pattern: source, options: options, tracksPrefixes: true)
        if let prefixes = (try? parser.parseAll())?.prefixes {
            let paths = prefixes.paths.map { path in
                (0..<path.count).map { StartGuard.classText(path[$0]) }.map(escaped).joined(separator: " ") + (path.complete ? " $" : " …")
            }
            lines.append("prefixes \(paths.sorted().joined(separator: " | "))")
        } else {
            lines.append("prefixes nil")
        }
        for ampersand in [true, false] {
            lines.append("projection amp=\(ampersand) \(PatternProjection.project(source, options: options, allowsAmpersand: ampersand))")
        }
        return lines
    }

    private static func escaped(_ bytes: [UInt8]) -> String {
        var text = ""
        for byte in bytes {
            if byte >= 0x20, byte < 0x7F, byte != UInt8(ascii: "\\") {
                text.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                text += "\\x" + String(byte, radix: 16)
            }
        }
        return text
    }
}
