import Testing
@testable import Rules

/// `LazyMetaProgram` with operands reordered (`freeOperandsFirst`) must give every reported
/// meta the value `MetaExpression.evaluate` gives it, read each unknown rule at most once, and
/// give every rule it did read its true value.
@Suite struct LazyMetaProgramTests {
    /// Answers from fixed counts and counts the questions.
    final class RecordingResolver: DeferredRuleResolver {
        let values: [Int]
        private(set) var reads: [Int]
        init(_ values: [Int]) {
            self.values = values
            reads = Array(repeating: 0, count: values.count)
        }
        func count(of index: Int) -> Int {
            reads[index] += 1
            return values[index]
        }
    }

    private static let operators: [MetaOperator] = [.subtract, .multiply, .divide, .xor, .greater, .greaterOrEqual, .less,
                                                    .lessOrEqual, .equal, .notEqual]

    private func randomExpression(_ random: inout SplitMix, depth: Int, ruleCount: Int) -> MetaExpression {
        if depth == 0 || random.next(below: 4) == 0 {
            switch random.next(below: 6) {
            case 0: return .number(Double(random.next(below: 5)) - 1)
            default: return .rule(RuleID(random.next(below: ruleCount)))
            }
        }
        func operand() -> MetaExpression { randomExpression(&random, depth: depth - 1, ruleCount: ruleCount) }
        func operands() -> [MetaExpression] { (0..<random.next(below: 4)).map { _ in operand() } }
        switch random.next(below: 7) {
        case 0: return .not(operand())
        case 1: return .negate(operand())
        case 2: return .all(operands())
        case 3: return .any(operands())
        case 4: return .sum(operands())
        case 5: return .binary(Self.operators[random.next(below: Self.operators.count)], operand(), operand())
        default: return .conditional(operand(), operand(), operand())
        }
    }

    @Test func lazyRunGivesEveryReportedMetaItsValue() {
        var random = SplitMix(seed: 0x1A2_5EED)
        let leafCount = 10, metaCount = 40, ruleCount = leafCount + metaCount
        var sawSkip = false, sawHit = false, sawMiss = false
        for round in 0..<12 {
            var metas: [(id: RuleID, expression: MetaExpression)] = []
            for index in 0..<metaCount {
                metas.append((RuleID(leafCount + index), randomExpression(&random, depth: 3, ruleCount: leafCount + index)))
            }
            let isSubRule = (0..<ruleCount).map { $0 < leafCount || random.next(below: 2) == 0 }
            let deferred = (0..<leafCount).map { _ in random.next(below: 3) != 0 }
            let cost = (0..<ruleCount).map { _ in random.next(below: 3) }
            let inactive = RuleID(leafCount + round % metaCount)
            let reordered = metas.map { (id: $0.id, expression: $0.expression.freeOperandsFirst { cost[$0.index] }) }
            let program = LazyMetaProgram(metas: reordered, ruleCount: ruleCount, isActive: { $0 != inactive }, isSubRule: isSubRule)
            for _ in 0..<25 {
                // tflags multiple leaves count above 1
                let leaves = (0..<leafCount).map { _ in random.next(below: 4) }
                var expected = leaves + Array(repeating: 0, count: metaCount)
                for (id, expression) in metas where id != inactive {
                    if expression.isTrue(values: { Double(expected[$0.index]) }) { expected[id.index] = 1 }
                }
                var counts = (0..<ruleCount).map { index in
                    index < leafCount ? (deferred[index] ? -1 : leaves[index]) : (RuleID(index) == inactive ? 0 : -1)
                }
                let resolver = RecordingResolver(leaves)
                program.run(counts: &counts, resolver: resolver)
                let reads = resolver.reads
                for index in 0..<ruleCount {
                    if counts[index] >= 0 { #expect(counts[index] == expected[index], "rule \(index)") }
                    if !isSubRule[index] { #expect(counts[index] == expected[index], "reported meta \(index)") }
                }
                #expect(reads.allSatisfy { $0 <= 1 })
                sawSkip = sawSkip || zip(reads, deferred).contains { $0 == 0 && $1 }
                sawHit = sawHit || expected[leafCount...].contains(1)
                sawMiss = sawMiss || expected[leafCount...].contains(0)
            }
        }
        #expect(sawSkip && sawHit && sawMiss)
    }

    /// Reordering keeps each meta's truth, and the value of chains used as numbers.
    @Test func freeOperandsFirstKeepsTheMeaning() {
        var random = SplitMix(seed: 0xC0_57)
        for _ in 0..<300 {
            let expression = randomExpression(&random, depth: 4, ruleCount: 6)
            let cost = (0..<6).map { _ in random.next(below: 4) }
            let reordered = expression.freeOperandsFirst { cost[$0.index] }
            let values = (0..<6).map { _ in Double(random.next(below: 3)) }
            #expect(reordered.isTrue(values: { values[$0.index] }) == expression.isTrue(values: { values[$0.index] }),
                    "\(expression) -> \(reordered)")
        }
        // (A && B) + C: the chain's value counts, so B (2) must stay last.
        let numeric = MetaExpression.binary(.greater, .sum([.all([.rule(RuleID(0)), .rule(RuleID(1))]), .rule(RuleID(2))]), .number(2))
        let kept = numeric.freeOperandsFirst { $0.index == 0 ? 5 : 0 }
        let values: [Double] = [1, 2, 1]
        #expect(kept.evaluate(values: { values[$0.index] }) == numeric.evaluate(values: { values[$0.index] }))
        // A boolean chain puts the free operand first.
        let gate = MetaExpression.all([.rule(RuleID(0)), .rule(RuleID(1))]).freeOperandsFirst { $0.index == 0 ? 1 : 0 }
        #expect(gate == .all([.rule(RuleID(1)), .rule(RuleID(0))]))
    }

    /// A meta that reads a meta later in evaluation order reads 0, on demand as when every
    /// meta runs in order.
    @Test func laterMetaReadsAsZero() {
        let metas: [(id: RuleID, expression: MetaExpression)] = [(RuleID(1), .not(.rule(RuleID(2)))), (RuleID(2), .rule(RuleID(0)))]
        let program = LazyMetaProgram(metas: metas, ruleCount: 3, isActive: { _ in true }, isSubRule: [true, false, false])
        var counts = [-1, -1, -1]
        program.run(counts: &counts, resolver: RecordingResolver([1, 1, 1]))
        var eager = [1, 0, 0]
        program.runEveryMeta(counts: &eager)
        #expect(counts == eager)
        #expect(counts == [1, 1, 1])
    }
}
