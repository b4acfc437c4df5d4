import Testing
@testable import Rules

/// The meta instructions, run over known counts (`LazyMetaProgram.runEveryMeta`, as when every
/// rule runs), must give every meta the value `MetaExpression.evaluate` gives it.
@Suite struct MetaInstructionTests {
    private static let operators: [MetaOperator] = [.subtract, .multiply, .divide, .xor, .greater, .greaterOrEqual, .less,
                                                    .lessOrEqual, .equal, .notEqual]

    private func randomExpression(_ random: inout SplitMix, depth: Int, ruleCount: Int) -> MetaExpression {
        if depth == 0 || random.next(below: 4) == 0 {
            switch random.next(below: 5) {
            case 0: return .number(Double(random.next(below: 5)) - 1)
            case 1: return .localTestsOnly
            default: return .rule(RuleID(random.next(below: ruleCount)))
            }
        }
        func operands() -> [MetaExpression] {
            (0..<random.next(below: 4)).map { _ in randomExpression(&random, depth: depth - 1, ruleCount: ruleCount) }
        }
        switch random.next(below: 7) {
        case 0: return .not(randomExpression(&random, depth: depth - 1, ruleCount: ruleCount))
        case 1: return .negate(randomExpression(&random, depth: depth - 1, ruleCount: ruleCount))
        case 2: return .all(operands())
        case 3: return .any(operands())
        case 4: return .sum(operands())
        case 5:
            let op = Self.operators[random.next(below: Self.operators.count)]
            return .binary(op, randomExpression(&random, depth: depth - 1, ruleCount: ruleCount),
                           randomExpression(&random, depth: depth - 1, ruleCount: ruleCount))
        default:
            return .conditional(randomExpression(&random, depth: depth - 1, ruleCount: ruleCount),
                                randomExpression(&random, depth: depth - 1, ruleCount: ruleCount),
                                randomExpression(&random, depth: depth - 1, ruleCount: ruleCount))
        }
    }

    @Test func programGivesTheTreeWalkersHits() {
        var random = SplitMix(seed: 0x5EED_4E7A)
        let baseCount = 12, metaCount = 60
        var metas: [(id: RuleID, expression: MetaExpression)] = []
        for index in 0..<metaCount {
            // Later metas may read earlier ones, as dependency order allows.
            metas.append((RuleID(baseCount + index), randomExpression(&random, depth: 4, ruleCount: baseCount + index)))
        }
        let inactive = RuleID(baseCount + 7)
        let program = LazyMetaProgram(metas: metas, ruleCount: baseCount + metaCount, isActive: { $0 != inactive },
                                      isSubRule: Array(repeating: true, count: baseCount + metaCount))
        var sawHit = false, sawMiss = false
        for _ in 0..<300 {
            var counts = (0..<baseCount).map { _ in random.next(below: 3) } + Array(repeating: 0, count: metaCount)
            var expected = counts
            for (id, expression) in metas where id != inactive {
                if expression.isTrue(values: { Double(expected[$0.index]) }) { expected[id.index] = 1 }
            }
            program.runEveryMeta(counts: &counts)
            #expect(counts == expected)
            sawHit = sawHit || expected[baseCount...].contains(1)
            sawMiss = sawMiss || expected[baseCount...].contains(0)
        }
        #expect(sawHit && sawMiss)
    }

    @Test func perlAndOrKeepOperandValues() {
        // (A && 3) + (B || 2) > 4 needs && and || to give operand values, not booleans.
        let expression = MetaExpression.binary(.greater, .sum([.all([.rule(RuleID(0)), .number(3)]), .any([.rule(RuleID(1)), .number(2)])]), .number(4))
        let program = LazyMetaProgram(metas: [(RuleID(2), expression)], ruleCount: 3, isActive: { _ in true }, isSubRule: [true, true, false])
        var counts = [1, 0, 0]
        program.runEveryMeta(counts: &counts)
        #expect(counts[2] == 1)
        counts = [0, 1, 1]
        program.runEveryMeta(counts: &counts)
        #expect(counts[2] == 0)
    }

    @Test func fusedPairsKeepJumpTargets() {
        // A && B && C as the compiler emits it: the chain's jumps land on the `.store`
        let code: [MetaInstruction] = [.rule(0), .jumpIfZeroElsePop(5), .rule(1), .jumpIfZeroElsePop(5), .rule(2), .store(10)]
        let fused = MetaInstruction.fused(code)
        #expect(fused.count == 4)
        guard case .ruleJumpIfZero(0, let target) = fused[0], case .ruleJumpIfZero(1, let second) = fused[1] else {
            Issue.record("not fused: \(fused)")
            return
        }
        // `.rule(2)` stays apart from the `.store` the jumps land on
        #expect(target == 3 && second == 3)
        guard case .rule(2) = fused[2], case .store(10) = fused[3] else {
            Issue.record("jump target fused: \(fused)")
            return
        }
        let program = LazyMetaProgram(metas: [(RuleID(5), .all([.rule(RuleID(0)), .rule(RuleID(1)), .rule(RuleID(2))])),
                                              (RuleID(6), .not(.rule(RuleID(4)))),
                                              (RuleID(7), .binary(.greater, .sum([.rule(RuleID(0)), .rule(RuleID(3))]), .number(1)))],
                                      ruleCount: 8, isActive: { _ in true }, isSubRule: Array(repeating: false, count: 8))
        for bits in 0..<32 {
            var counts = (0..<5).map { bits >> $0 & 1 } + [0, 0, 0]
            program.runEveryMeta(counts: &counts)
            #expect(counts[5] == (bits & 7 == 7 ? 1 : 0), "\(bits)")
            #expect(counts[6] == (bits & 16 == 0 ? 1 : 0), "\(bits)")
            #expect(counts[7] == ((bits & 1) + (bits >> 3 & 1) > 1 ? 1 : 0), "\(bits)")
        }
    }

    /// The program is read all over for every message: an instruction takes 16 bytes.
    @Test func instructionTakesSixteenBytes() {
        #expect(MemoryLayout<MetaInstruction>.stride == 16)
    }
}
