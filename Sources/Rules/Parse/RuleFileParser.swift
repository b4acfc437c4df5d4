/// Reads one SpamAssassin rule file line by line: conditionals (`if`, `ifplugin`, `else`,
/// `endif`), rule definitions, per-rule settings (`score`, `describe`, `tflags`, `priority`),
/// ReplaceTags settings, `include`, and the global settings the rule engine needs. A broken line
/// is reported with its file and line and skipped; nothing stops the load.
public struct RuleFileParser {
    /// Reads rules from text. `include` lines are read from disk relative to `fileName`.
    public static func parse(text: String, fileName: String = "(text)", options: RuleLoaderOptions = .init()) -> RuleSet {
        RuleLoader(options: options).load(text: text, fileName: fileName)
    }

    private struct ConditionFrame {
        var outerSkipping: Bool
        var location: SourceLocation
        var sawElse = false
    }

    /// Called for `include PATH` with the path as written and the line's location.
    typealias IncludeHandler = (String, SourceLocation, inout RuleSetBuilder) -> Void

    let path: String
    private var frames: [ConditionFrame] = []
    private var skipping = false
    private var stopped = false

    init(path: String) {
        self.path = path
    }

    mutating func parse(_ bytes: [UInt8], into builder: inout RuleSetBuilder, include: IncludeHandler) {
        var lineStart = 0
        var lineNumber = 0
        let maxLine = builder.options.limits.maxLineBytes
        while lineStart < bytes.count && !stopped {
            lineNumber += 1
            let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            defer { lineStart = lineEnd + 1 }
            let location = SourceLocation(file: path, line: lineNumber)
            guard lineEnd - lineStart <= maxLine else {
                builder.report(.error, at: location, "line of \(lineEnd - lineStart) bytes is longer than the limit of \(maxLine); skipped")
                continue
            }
            guard let line = ConfigLine(bytes[lineStart..<lineEnd]) else { continue }
            handle(line, at: location, builder: &builder, include: include)
        }
        for frame in frames.reversed() {
            builder.report(.error, at: frame.location, "'if' block is not closed by 'endif' before the end of the file")
        }
    }

    private mutating func handle(_ line: ConfigLine, at location: SourceLocation, builder: inout RuleSetBuilder, include: IncludeHandler) {
        switch line.key {
        case "if", "ifplugin":
            openCondition(line, at: location, builder: &builder)
            return
        case "else":
            guard line.value.isEmpty else { return builder.report(.error, at: location, "'else' must stand alone") }
            guard let last = frames.indices.last else { return builder.report(.error, at: location, "'else' without 'if'") }
            if frames[last].sawElse { builder.report(.warning, at: location, "second 'else' for the 'if' at line \(frames[last].location.line)") }
            frames[last].sawElse = true
            skipping = frames[last].outerSkipping ? true : !skipping
            return
        case "endif":
            guard line.value.isEmpty else { return builder.report(.error, at: location, "'endif' must stand alone") }
            guard let frame = frames.popLast() else { return builder.report(.error, at: location, "'endif' without 'if'") }
            skipping = frame.outerSkipping
            return
        default:
            break
        }
        guard !skipping else { return }
        do {
            try handleDirective(line, at: location, builder: &builder, include: include)
        } catch {
            builder.report(.error, at: location, "\(line.key): \(error.reason)", rule: ruleName(of: line))
        }
    }

    private mutating func openCondition(_ line: ConfigLine, at location: SourceLocation, builder: inout RuleSetBuilder) {
        guard frames.count < builder.options.limits.maxConditionDepth else {
            if !skipping {
                builder.report(.error, at: location, "'if' blocks nested deeper than \(builder.options.limits.maxConditionDepth); treated as false")
            }
            frames.append(ConditionFrame(outerSkipping: skipping, location: location))
            skipping = true
            return
        }
        frames.append(ConditionFrame(outerSkipping: skipping, location: location))
        guard !skipping else { return }
        let text = line.key == "ifplugin" ? "plugin(\(line.valueText))" : line.valueText
        guard !line.value.isEmpty else {
            builder.report(.error, at: location, "'\(line.key)' needs a condition; block skipped")
            skipping = true
            return
        }
        do {
            if try !builder.evaluateCondition(text) { skipping = true }
        } catch {
            builder.report(.error, at: location, "cannot read condition '\(line.valueText)': \(error.reason); block skipped")
            skipping = true
        }
    }

    private func ruleName(of line: ConfigLine) -> String? {
        let name = line.value.prefix { !ByteClass.isSpace($0) }
        return RuleName.isValid(String(decoding: name, as: UTF8.self)) ? String(decoding: name, as: UTF8.self) : nil
    }

    /// The first word of the value and the rest after whitespace.
    private func splitName(_ value: [UInt8]) -> (String, [UInt8]) {
        var end = 0
        while end < value.count, !ByteClass.isSpace(value[end]) { end += 1 }
        var rest = end
        while rest < value.count, ByteClass.isSpace(value[rest]) { rest += 1 }
        return (String(decoding: value[..<end], as: UTF8.self), Array(value[rest...]))
    }

    private mutating func handleDirective(_ line: ConfigLine, at location: SourceLocation, builder: inout RuleSetBuilder,
                                          include: IncludeHandler) throws(RuleSyntaxError) {
        let key = line.key
        switch key {
        case "header", "body", "rawbody", "full", "uri", "mimeheader", "meta", "askdns":
            let (name, definition) = splitName(line.value)
            guard !name.isEmpty, !definition.isEmpty else { throw RuleSyntaxError("needs a rule name and a definition") }
            guard RuleName.isValid(name) else { throw RuleSyntaxError("invalid rule name '\(name)' (letters, digits and _, not starting with a digit, at most \(RuleName.maxLength))") }
            builder.define(try RuleDefinitionParser.parse(directive: key, name: name, definition: definition, location: location,
                                                          metaLimits: builder.options.limits.metaExpression))
        case "reuse":
            let (name, _) = splitName(line.value)
            guard RuleName.isValid(name) else { throw RuleSyntaxError("needs a rule name") }
            builder.declare(name, at: location)
        case "score":
            try score(line.value, at: location, builder: &builder)
        case "describe", "tflags", "priority":
            let (name, rest) = splitName(line.value)
            guard !name.isEmpty, !rest.isEmpty else { throw RuleSyntaxError("needs a rule name and a value") }
            let text = String(decoding: rest, as: UTF8.self)
            switch key {
            case "describe": builder.setDescription(name, text)
            case "tflags": builder.setFlags(name, RuleFlags(parsing: text))
            default:
                guard RuleName.isValid(name) else { throw RuleSyntaxError("invalid rule name '\(name)'") }
                guard let value = Int(text), text.utf8.allSatisfy({ ByteClass.isDigit($0) || $0 == UInt8(ascii: "-") }) else {
                    throw RuleSyntaxError("priority must be an integer, not '\(text)'")
                }
                builder.setPriority(name, value)
            }
        case "include":
            guard !line.value.isEmpty else { throw RuleSyntaxError("needs a file name") }
            include(line.valueText, location, &builder)
        case "require_version":
            let wanted = line.valueText
            guard !wanted.isEmpty else { throw RuleSyntaxError("needs a version") }
            if wanted != "@@VERSION@@", wanted != builder.options.version {
                builder.report(.warning, at: location, "file requires SpamAssassin \(wanted), this is \(builder.options.version); rest of the file skipped")
                stopped = true
            }
        case "replace_start", "replace_end":
            guard !line.value.isEmpty else { throw RuleSyntaxError("needs a value") }
            if key == "replace_start" { builder.replaceTags.start = line.value } else { builder.replaceTags.end = line.value }
        case "replace_tag", "replace_pre", "replace_inter", "replace_post":
            let (name, value) = splitName(line.value)
            guard !name.isEmpty, !value.isEmpty else { throw RuleSyntaxError("needs a tag name and an expression") }
            switch key {
            case "replace_tag": builder.replaceTags.tags[name] = value
            case "replace_pre": builder.replaceTags.pre[name] = value
            case "replace_inter": builder.replaceTags.inter[name] = value
            default: builder.replaceTags.post[name] = value
            }
        case "replace_rules":
            let names = line.value.split(whereSeparator: ByteClass.isSpace).map { String(decoding: $0, as: UTF8.self) }
            guard !names.isEmpty else { throw RuleSyntaxError("needs rule names") }
            for name in names { builder.requestReplacement(of: name, at: location) }
        case "required_score", "required_hits":
            let text = line.valueText
            guard Self.isPerlNumber(text, allowPlus: true), let value = Double(text) else {
                throw RuleSyntaxError("needs a number, not '\(text)'")
            }
            builder.requiredScore = value
        case "redirector_pattern":
            guard !line.value.isEmpty else { throw RuleSyntaxError("needs a pattern") }
            builder.redirectorPatterns.append(try RuleDefinitionParser.regex(line.value[...]).0)
            keep(line, at: location, builder: &builder)
        case "loadplugin", "tryplugin":
            let (module, _) = splitName(line.value)
            guard PluginName.isValid(module) else { throw RuleSyntaxError("needs a plugin module name, not '\(module)'") }
            let plugin = PluginName.canonical(module)
            if builder.options.providedPlugins.contains(plugin) {
                builder.loadPlugin(plugin)
            } else {
                builder.report(.info, at: location, "plugin \(plugin) is not provided by swfilter; its rules are skipped")
            }
            keep(line, at: location, builder: &builder)
        case "enable_compat":
            let name = line.valueText
            guard !name.isEmpty, name.utf8.count <= 128, name.utf8.allSatisfy(ByteClass.isWord) else {
                throw RuleSyntaxError("needs a flag name of letters, digits and _")
            }
            builder.enableFeature("Mail::SpamAssassin::Conf::compat_" + name)
            keep(line, at: location, builder: &builder)
        default:
            guard KnownDirectives.contains(key) else {
                builder.report(.warning, at: location, "unknown directive '\(key)'; line skipped")
                return
            }
            keep(line, at: location, builder: &builder)
        }
    }

    private func keep(_ line: ConfigLine, at location: SourceLocation, builder: inout RuleSetBuilder) {
        builder.settings.append(ConfigSetting(name: line.key, value: line.valueText, location: location))
    }

    /// `score NAME s` or `score NAME s0 s1 s2 s3`; `(s)` adds to the current score.
    private func score(_ value: [UInt8], at location: SourceLocation, builder: inout RuleSetBuilder) throws(RuleSyntaxError) {
        let words = value.split(whereSeparator: ByteClass.isSpace).map { String(decoding: $0, as: UTF8.self) }
        guard words.count == 2 || words.count == 5 else { throw RuleSyntaxError("needs a rule name and 1 or 4 scores") }
        var relative = false
        var scores: [Double] = []
        for word in words.dropFirst() {
            var text = Substring(word)
            if text.hasPrefix("("), text.hasSuffix(")"), text.count > 2 {
                relative = true
                text = text.dropFirst().dropLast()
            }
            guard Self.isPerlNumber(String(text), allowPlus: false), let score = Double(text) else {
                throw RuleSyntaxError("score '\(word)' is not a number")
            }
            scores.append(score)
        }
        builder.setScore(words[0], values: scores, relative: relative, at: location)
    }

    /// `[+-]?\d+(\.\d*)?`, the number syntax SpamAssassin accepts in settings.
    private static func isPerlNumber(_ text: String, allowPlus: Bool) -> Bool {
        var bytes = Substring(text).utf8.dropFirst(0)
        if bytes.first == UInt8(ascii: "-") || (allowPlus && bytes.first == UInt8(ascii: "+")) { bytes = bytes.dropFirst() }
        let integer = bytes.prefix(while: ByteClass.isDigit)
        guard !integer.isEmpty else { return false }
        let rest = bytes.dropFirst(integer.count)
        return rest.isEmpty || (rest.first == UInt8(ascii: ".") && rest.dropFirst().allSatisfy(ByteClass.isDigit))
    }
}
