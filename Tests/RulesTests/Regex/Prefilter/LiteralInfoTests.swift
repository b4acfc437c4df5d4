import Testing
@testable import Rules

/// `followed(by:)` pairs each side's sets as its rules say, whether or not a side's prefix or
/// suffix is its exact set (then a product already made is used again).
@Suite struct LiteralInfoTests {
    private static func randomSet(_ random: inout SplitMix) -> LiteralSet? {
        guard random.next(below: 5) != 0 else { return nil }
        return LiteralSet((0..<(1 + random.next(below: 3))).map { _ in
            var literal = Literal()
            for _ in 0..<random.next(below: 4) { literal = literal.followed(by: Literal(byte: UInt8(0x61 + random.next(below: 3))), limit: 8) ?? literal }
            return literal
        })
    }

    private static func randomInfo(_ random: inout SplitMix) -> LiteralInfo {
        let exact = randomSet(&random)
        // Half the time the prefix and suffix are the exact set itself.
        if random.next(below: 2) == 0 { return exact.map(LiteralInfo.literals) ?? .opaque }
        return LiteralInfo(exact: exact, prefix: randomSet(&random), suffix: randomSet(&random), required: randomSet(&random))
    }

    @Test func aSequencePairsExactPrefixAndSuffixSets() {
        var random = SplitMix(seed: 23)
        for _ in 0..<3000 {
            let first = Self.randomInfo(&random), second = Self.randomInfo(&random)
            guard !first.isNever, !second.isNever else { continue }
            let joined = first.followed(by: second)
            #expect(joined.exact == LiteralInfo.product(first.exact, second.exact))
            if let exact = first.exact { #expect(joined.prefix == LiteralInfo.product(exact, second.prefix) ?? exact) }
            if let exact = second.exact { #expect(joined.suffix == LiteralInfo.product(first.suffix, exact) ?? exact) }
            let required = LiteralInfo.better(LiteralInfo.better(first.best, second.best), LiteralInfo.product(first.suffix, second.prefix))
            #expect(joined.best == LiteralInfo.better(LiteralInfo.better(LiteralInfo.better(required, joined.exact), joined.prefix), joined.suffix))
        }
    }
}
