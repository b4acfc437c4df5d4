/// Turns a meta expression into `MetaInstruction`s (one `LazyMetaProgram` segment), tracking
/// how deep the value stack gets.
struct MetaProgramAssembler {
    private(set) var code: [MetaInstruction] = []
    private var depth = 0
    /// The deepest the stack got.
    private(set) var deepest = 0

    private mutating func push() {
        depth += 1
        deepest = max(deepest, depth)
    }

    /// Appends the code that pushes the value of `node`.
    mutating func emit(_ node: MetaExpression) {
        switch node {
        case .number(let value):
            code.append(.constant(value)); push()
        case .rule(let id):
            code.append(.rule(Int32(id.index))); push()
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
                if case .all = node { code[site] = .jumpIfZeroElsePop(Int32(end)) } else { code[site] = .jumpIfNonZeroElsePop(Int32(end)) }
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
            code[branch] = .popJumpIfZero(Int32(code.count))
            emit(otherwise)
            code[skip] = .jump(Int32(code.count))
        }
    }

    /// Appends the store of the value on top into `counts[index]`.
    mutating func store(_ index: Int) {
        code.append(.store(Int32(index))); depth -= 1
    }
}
