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
    }

    let instructions: [Instruction]
    let maxDepth: Int

    /// `metas` in evaluation order; `isActive` leaves the inactive ones out, as the evaluator
    /// never runs them.
    init(metas: [(id: RuleID, expression: MetaExpression)], isActive: (RuleID) -> Bool) {
        var code: [Instruction] = []
        var depth = 0, deepest = 0
        func push() {
            depth += 1
            deepest = max(deepest, depth)
        }
        func emit(_ node: MetaExpression) {
            switch node {
            case .number(let value):
                code.append(.constant(value)); push()
            case .rule(let id):
                code.append(.rule(id.index)); push()
            case .name, .rulesMatching, .localTestsOnly:
                code.append(.constant(0)); push()
            case .not(let operand):
                emit(operand); code.append(.not)
            case .negate(let operand):
                emit(operand); code.append(.negate)
            case .all(let operands), .any(let operands):
                guard !operands.isEmpty else { code.append(.constant(0)); push(); return }
                var jumps: [Int] = []
                for (index, operand) in operands.enumerated() {
                    emit(operand)
                    guard index < operands.count - 1 else { break }
                    jumps.append(code.count)
                    code.append(.jump(0))
                    depth -= 1
                }
                let end = code.count
                for site in jumps {
                    if case .all = node { code[site] = .jumpIfZeroElsePop(end) } else { code[site] = .jumpIfNonZeroElsePop(end) }
                }
            case .sum(let operands):
                code.append(.constant(0)); push()
                for operand in operands {
                    emit(operand)
                    code.append(.add); depth -= 1
                }
            case .binary(let op, let left, let right):
                emit(left); emit(right)
                code.append(.binary(op)); depth -= 1
            case .conditional(let condition, let then, let otherwise):
                emit(condition)
                let branch = code.count
                code.append(.popJumpIfZero(0)); depth -= 1
                emit(then)
                let skip = code.count
                code.append(.jump(0)); depth -= 1
                code[branch] = .popJumpIfZero(code.count)
                emit(otherwise)
                code[skip] = .jump(code.count)
            }
        }
        for (id, expression) in metas where isActive(id) {
            emit(expression)
            code.append(.store(id.index)); depth -= 1
        }
        instructions = code
        maxDepth = deepest
    }

    /// Runs every meta over `counts` (indexed by `RuleID.index`), setting the metas that hit.
    func run(counts: inout [Int]) {
        guard !instructions.isEmpty else { return }
        var stack = [Double](repeating: 0, count: maxDepth + 1)
        instructions.withUnsafeBufferPointer { code in
            stack.withUnsafeMutableBufferPointer { stack in
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
                        }
                        pc += 1
                    }
                }
            }
        }
    }
}
