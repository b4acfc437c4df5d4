// libFuzzer entry point for the rule file parser. Built by scripts/fuzz-rules.sh into one module
// with Sources/Rules/Parse, so it calls the parser directly.

@_cdecl("LLVMFuzzerTestOneInput")
public func ruleParserFuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    // No includes (maxFiles 0) so the run never reads the disk; small limits reach their checks.
    let limits = RuleLoadLimits(maxLineBytes: 4096, maxFiles: 0, maxConditionDepth: 16, maxRules: 256,
                                metaExpression: MetaExpressionParser.Limits(maxDepth: 32, maxListLength: 256))
    let set = RuleLoader(options: RuleLoaderOptions(limits: limits)).load(bytes: bytes, fileName: "fuzz.cf")
    var sink = set.count
    for rule in set.rules {
        precondition(set[rule.id].name == rule.name)
        if let expression = rule.metaExpression { sink &+= Int(expression.evaluate { _ in 1 }.isFinite ? 1 : 0) }
    }
    for id in set.metaEvaluationOrder { precondition(set[id].kind == .meta) }
    // The regex converter and the meta parser on the raw input as well.
    if let pattern = try? PerlRegexConverter.convert(bytes: bytes) { sink &+= pattern.source.count }
    if let expression = try? MetaExpression.parse(String(decoding: bytes, as: UTF8.self)) {
        sink &+= expression.dependencies.count
    }
    return sink == -1 ? 1 : 0
}
