/// Every meta rule of a rule set compiled into one flat stack program over the hit counts, in
/// dependency order: a message runs it once instead of walking 900-odd expression trees.
/// Evaluates exactly as `MetaExpression.evaluate` (Perl's `&&` / `||` give an operand's value,
/// `localTestsOnly` is 0) and sets a meta's count to 1 when its value is not zero.
struct MetaProgram: Sendable {
    enum Instruction: Sendable {
        case constant(Double)
        /// Push `Double(counts[index])`.
        case rule(Int)
        case not
        case negate
        case add
        case binary(MetaOperator)
        /// `&&`: a zero on top ends the chain with that value, else it is dropped.
        case jumpIfZeroElsePop(Int)
        /// `||`: a non-zero on top ends the chain with that value, else it is dropped.
        case jumpIfNonZeroElsePop(Int)
        /// `?:`: pops the condition and jumps to the else branch when it is zero.
        case popJumpIfZero(Int)
        case jump(Int)
        /// Pops the meta's value: a non-zero sets `counts[index]` to 1.
        case store(Int)
        // Pairs fused by `fused(_:)`, each doing what its two instructions did in one step:
        /// `.rule(index)`, `.jumpIfZeroElsePop(target)`.
        case ruleJumpIfZero(index: Int, target: Int)
        /// `.rule(index)`, `.jumpIfNonZeroElsePop(target)`.
        case ruleJumpIfNonZero(index: Int, target: Int)
        /// `.rule(index)`, `.add`.
        case addRule(Int)
        /// `.rule(index)`, `.not`.
        case notRule(Int)
        /// `.constant(value)`, `.binary(op)`.
        case binaryConstant(MetaOperator, Double)
        /// `.rule(index)`, `.store(meta)`.
        case storeRule(index: Int, meta: Int)
    }

    let instructions: [Instruction]
    let maxDepth: Int

    /// `metas` in evaluation order; `isActive` leaves the inactive ones out, as the evaluator
    /// never runs them.
    init(metas: [(id: RuleID, expression: MetaExpression)], isActive: (RuleID) -> Bool) {
        var assembler = MetaProgramAssembler()
        for (id, expression) in metas where isActive(id) {
            assembler.emit(expression)
            assembler.store(id.index)
        }
        instructions = Self.fused(assembler.code)
        maxDepth = assembler.deepest
    }

    /// The program with each fusable pair of instructions made one, jump targets moved to
    /// match; a pair whose second instruction is a jump target stays apart.
    static func fused(_ code: [Instruction]) -> [Instruction] {
        var targets = Set<Int>()
        for instruction in code {
            switch instruction {
            case .jumpIfZeroElsePop(let target), .jumpIfNonZeroElsePop(let target), .popJumpIfZero(let target), .jump(let target):
                targets.insert(target)
            default: break
            }
        }
        var result: [Instruction] = []
        var newIndex = [Int](repeating: 0, count: code.count + 1)
        var index = 0
        while index < code.count {
            newIndex[index] = result.count
            if index + 1 < code.count, !targets.contains(index + 1), let pair = pair(code[index], code[index + 1]) {
                newIndex[index + 1] = result.count
                result.append(pair)
                index += 2
            } else {
                result.append(code[index])
                index += 1
            }
        }
        newIndex[code.count] = result.count
        return result.map { instruction in
            switch instruction {
            case .jumpIfZeroElsePop(let target): .jumpIfZeroElsePop(newIndex[target])
            case .jumpIfNonZeroElsePop(let target): .jumpIfNonZeroElsePop(newIndex[target])
            case .popJumpIfZero(let target): .popJumpIfZero(newIndex[target])
            case .jump(let target): .jump(newIndex[target])
            case .ruleJumpIfZero(let rule, let target): .ruleJumpIfZero(index: rule, target: newIndex[target])
            case .ruleJumpIfNonZero(let rule, let target): .ruleJumpIfNonZero(index: rule, target: newIndex[target])
            default: instruction
            }
        }
    }

    private static func pair(_ first: Instruction, _ second: Instruction) -> Instruction? {
        switch (first, second) {
        case (.rule(let index), .jumpIfZeroElsePop(let target)): .ruleJumpIfZero(index: index, target: target)
        case (.rule(let index), .jumpIfNonZeroElsePop(let target)): .ruleJumpIfNonZero(index: index, target: target)
        case (.rule(let index), .add): .addRule(index)
        case (.rule(let index), .not): .notRule(index)
        case (.rule(let index), .store(let meta)): .storeRule(index: index, meta: meta)
        case (.constant(let value), .binary(let op)): .binaryConstant(op, value)
        default: nil
        }
    }

    /// Runs every meta over `counts` (indexed by `RuleID.index`), setting the metas that hit.
    func run(counts: inout [Int]) {
        guard !instructions.isEmpty else { return }
        instructions.withUnsafeBufferPointer { code in
            // every slot is written by a push before it is read
            withUnsafeTemporaryAllocation(of: Double.self, capacity: maxDepth + 1) { stack in
                counts.withUnsafeMutableBufferPointer { counts in
                    var top = -1
                    var pc = 0
                    while pc < code.count {
                        switch code[pc] {
                        case .constant(let value):
                            top += 1; stack[top] = value
                        case .rule(let index):
                            top += 1; stack[top] = Double(counts[index])
                        case .not:
                            stack[top] = stack[top] == 0 ? 1 : 0
                        case .negate:
                            stack[top] = -stack[top]
                        case .add:
                            stack[top - 1] = stack[top - 1] + stack[top]; top -= 1
                        case .binary(let op):
                            stack[top - 1] = op.apply(stack[top - 1], stack[top]); top -= 1
                        case .jumpIfZeroElsePop(let target):
                            if stack[top] == 0 { pc = target; continue }
                            top -= 1
                        case .jumpIfNonZeroElsePop(let target):
                            if stack[top] != 0 { pc = target; continue }
                            top -= 1
                        case .popJumpIfZero(let target):
                            top -= 1
                            if stack[top + 1] == 0 { pc = target; continue }
                        case .jump(let target):
                            pc = target; continue
                        case .store(let index):
                            if stack[top] != 0 { counts[index] = 1 }
                            top -= 1
                        case .ruleJumpIfZero(let index, let target):
                            if counts[index] == 0 { top += 1; stack[top] = 0; pc = target; continue }
                        case .ruleJumpIfNonZero(let index, let target):
                            if counts[index] != 0 { top += 1; stack[top] = Double(counts[index]); pc = target; continue }
                        case .addRule(let index):
                            stack[top] = stack[top] + Double(counts[index])
                        case .notRule(let index):
                            top += 1; stack[top] = counts[index] == 0 ? 1 : 0
                        case .binaryConstant(let op, let value):
                            stack[top] = op.apply(stack[top], value)
                        case .storeRule(let index, let meta):
                            if counts[index] != 0 { counts[meta] = 1 }
                        }
                        pc += 1
                    }
                }
            }
        }
    }
}
