/// One step of a `LazyMetaProgram`: a stack machine over the hit counts that evaluates a meta
/// exactly as `MetaExpression.evaluate` (Perl's `&&` / `||` give an operand's value,
/// `localTestsOnly` is 0) and sets the meta's count to 1 when its value is not zero, else 0.
enum MetaInstruction: Sendable {
    case constant(Double)
    // Rule indices and jump targets are Int32, so that an instruction takes 16 bytes, not 24:
    // the program is read all over for every message.
    /// Push `Double(counts[index])`.
    case rule(Int32)
    case not
    case negate
    case add
    case binary(MetaOperator)
    /// `&&`: a zero on top ends the chain with that value, else it is dropped.
    case jumpIfZeroElsePop(Int32)
    /// `||`: a non-zero on top ends the chain with that value, else it is dropped.
    case jumpIfNonZeroElsePop(Int32)
    /// `?:`: pops the condition and jumps to the else branch when it is zero.
    case popJumpIfZero(Int32)
    case jump(Int32)
    /// Pops the meta's value into `counts[index]`: 1 when it is not zero, else 0.
    case store(Int32)
    // Pairs fused by `fused(_:)`, each doing what its two instructions did in one step:
    /// `.rule(index)`, `.jumpIfZeroElsePop(target)`.
    case ruleJumpIfZero(index: Int32, target: Int32)
    /// `.rule(index)`, `.jumpIfNonZeroElsePop(target)`.
    case ruleJumpIfNonZero(index: Int32, target: Int32)
    /// `.rule(index)`, `.add`.
    case addRule(Int32)
    /// `.rule(index)`, `.not`.
    case notRule(Int32)
    /// `.constant(value)`, `.binary(op)`.
    case binaryConstant(Double, MetaOperator)
    /// `.rule(index)`, `.store(meta)`.
    case storeRule(index: Int32, meta: Int32)

    /// The program with each fusable pair of instructions made one, jump targets moved to
    /// match; a pair whose second instruction is a jump target stays apart.
    static func fused(_ code: [MetaInstruction]) -> [MetaInstruction] {
        var targets = Set<Int>()
        for instruction in code {
            switch instruction {
            case .jumpIfZeroElsePop(let target), .jumpIfNonZeroElsePop(let target), .popJumpIfZero(let target), .jump(let target):
                targets.insert(Int(target))
            default: break
            }
        }
        var result: [MetaInstruction] = []
        var newIndex = [Int32](repeating: 0, count: code.count + 1)
        var index = 0
        while index < code.count {
            newIndex[index] = Int32(result.count)
            if index + 1 < code.count, !targets.contains(index + 1), let pair = pair(code[index], code[index + 1]) {
                newIndex[index + 1] = Int32(result.count)
                result.append(pair)
                index += 2
            } else {
                result.append(code[index])
                index += 1
            }
        }
        newIndex[code.count] = Int32(result.count)
        return result.map { instruction in
            switch instruction {
            case .jumpIfZeroElsePop(let target): .jumpIfZeroElsePop(newIndex[Int(target)])
            case .jumpIfNonZeroElsePop(let target): .jumpIfNonZeroElsePop(newIndex[Int(target)])
            case .popJumpIfZero(let target): .popJumpIfZero(newIndex[Int(target)])
            case .jump(let target): .jump(newIndex[Int(target)])
            case .ruleJumpIfZero(let rule, let target): .ruleJumpIfZero(index: rule, target: newIndex[Int(target)])
            case .ruleJumpIfNonZero(let rule, let target): .ruleJumpIfNonZero(index: rule, target: newIndex[Int(target)])
            default: instruction
            }
        }
    }

    private static func pair(_ first: MetaInstruction, _ second: MetaInstruction) -> MetaInstruction? {
        switch (first, second) {
        case (.rule(let index), .jumpIfZeroElsePop(let target)): .ruleJumpIfZero(index: index, target: target)
        case (.rule(let index), .jumpIfNonZeroElsePop(let target)): .ruleJumpIfNonZero(index: index, target: target)
        case (.rule(let index), .add): .addRule(index)
        case (.rule(let index), .not): .notRule(index)
        case (.rule(let index), .store(let meta)): .storeRule(index: index, meta: meta)
        case (.constant(let value), .binary(let op)): .binaryConstant(value, op)
        default: nil
        }
    }
}
