import Testing
@testable import Rules

@Suite struct ZZThrowaway {
    @Test func listAlways() {
        var unsupported = 0, none = 0
        for rule in StockBodyRules.all {
            var parser = PatternLiteralParser(pattern: rule.pattern, extended: rule.options.contains(.extended))
            do {
                let info = try parser.parseAll()
                if info.best == nil { none += 1; print("NONE \(rule.name) /\(String(decoding: rule.pattern.prefix(150), as: UTF8.self))/") }
            } catch {
                unsupported += 1; print("UNSUP \(rule.name) /\(String(decoding: rule.pattern.prefix(150), as: UTF8.self))/")
            }
        }
        print("unsupported \(unsupported) none \(none)")
    }
}
