/// The metas of one score set compiled for on-demand evaluation: one code segment per meta, run
/// only when a reported meta (a root) or another running meta reads its value. A rule whose
/// count is still unknown (below zero) when read is asked of a resolver once, so the sub-rules
/// deferred by `SubRuleDeferral` run only when a meta reads them. Reads follow Perl's
/// short-circuit `&&` / `||`, so an operand after the one that decides the chain is never read.
/// A meta reading a meta that comes later in evaluation order (only possible around a disabled
/// loop) reads 0: that meta has not run yet when all metas run in order (`runEveryMeta`).
struct LazyMetaProgram: Sendable {
    /// Every segment's fused code, jump targets absolute; a segment ends with its `.store` or
    /// `.storeRule`.
    let instructions: [MetaInstruction]
    /// Per rule (`RuleID.index`): where its segment starts, or -1 for a rule that is not an
    /// active meta.
    let segmentStart: [Int32]
    /// The active metas that are not sub-rules, in evaluation order: every message runs these.
    let roots: [Int32]
    /// Every active meta, in evaluation order.
    let metas: [Int32]
    /// Stack slots enough for the deepest chain of nested segments.
    let stackCapacity: Int

    /// `metas` in evaluation order; `isActive` leaves the inactive ones out (they read as 0);
    /// `isSubRule` by rule index.
    init(metas: [(id: RuleID, expression: MetaExpression)], ruleCount: Int, isActive: (RuleID) -> Bool, isSubRule: [Bool]) {
        var position = [Int32](repeating: -1, count: ruleCount)
        var isMeta = [Bool](repeating: false, count: ruleCount)
        for meta in metas { isMeta[meta.id.index] = true }
        let active = metas.filter { isActive($0.id) }
        for (index, meta) in active.enumerated() { position[meta.id.index] = Int32(index) }
        var code: [MetaInstruction] = []
        var starts = [Int32](repeating: -1, count: ruleCount)
        var need = [Int](repeating: 0, count: ruleCount)
        var deepest = 0
        for (index, (id, expression)) in active.enumerated() {
            // A meta later in order has not stored its hit yet when all run in order; an inactive
            // one never does.
            let visible = expression.mappingReads { read in
                guard isMeta[read.index] else { return .rule(read) }
                let order = position[read.index]
                return order >= 0 && order < Int32(index) ? .rule(read) : .number(0)
            }
            var assembler = MetaProgramAssembler()
            assembler.emit(visible)
            assembler.store(id.index)
            let base = code.count
            code += MetaInstruction.fused(assembler.code).map { Self.offset($0, by: base) }
            starts[id.index] = Int32(base)
            let nested = visible.dependencies.map { position[$0.index] >= 0 ? need[$0.index] : 0 }.max() ?? 0
            need[id.index] = assembler.deepest + 2 + nested
            deepest = max(deepest, need[id.index])
        }
        instructions = code
        segmentStart = starts
        self.metas = active.map { Int32($0.id.index) }
        roots = active.filter { !isSubRule[$0.id.index] }.map { Int32($0.id.index) }
        stackCapacity = deepest + 1
    }

    private static func offset(_ instruction: MetaInstruction, by offset: Int) -> MetaInstruction {
        let base = Int32(offset)
        return switch instruction {
        case .jumpIfZeroElsePop(let target): .jumpIfZeroElsePop(target + base)
        case .jumpIfNonZeroElsePop(let target): .jumpIfNonZeroElsePop(target + base)
        case .popJumpIfZero(let target): .popJumpIfZero(target + base)
        case .jump(let target): .jump(target + base)
        case .ruleJumpIfZero(let index, let target): .ruleJumpIfZero(index: index, target: target + base)
        case .ruleJumpIfNonZero(let index, let target): .ruleJumpIfNonZero(index: index, target: target + base)
        default: instruction
        }
    }

    /// Runs every root over `counts` (by `RuleID.index`; below zero: not known yet). A meta run
    /// stores 1 or 0; an unknown rule that is not a meta takes `resolver`'s count. Unknown
    /// counts nothing read stay as they were.
    func run<Resolver: DeferredRuleResolver>(counts: inout [Int], resolver: Resolver) {
        run(roots, counts: &counts, resolver: resolver)
    }

    /// Runs every active meta in evaluation order over `counts`, where every rule that is not a
    /// meta already ran: each meta's count becomes 1 or 0, as SpamAssassin gives them all.
    func runEveryMeta(counts: inout [Int]) {
        for meta in metas { counts[Int(meta)] = -1 }
        run(metas, counts: &counts, resolver: RulesAllRan())
    }

    private func run<Resolver: DeferredRuleResolver>(_ roots: [Int32], counts: inout [Int], resolver: Resolver) {
        guard !roots.isEmpty else { return }
        instructions.withUnsafeBufferPointer { code in
            segmentStart.withUnsafeBufferPointer { starts in
                withUnsafeTemporaryAllocation(of: Double.self, capacity: stackCapacity) { stack in
                    counts.withUnsafeMutableBufferPointer { counts in
                        let machine = Machine<Resolver>(code: code, starts: starts, stack: stack)
                        for root in roots where counts[Int(root)] < 0 {
                            machine.runSegment(of: Int(root), base: 0, counts: counts, resolver: resolver)
                        }
                    }
                }
            }
        }
    }

    /// The resolver of `runEveryMeta`: every rule that is not a meta has its count already, so
    /// nothing is ever asked.
    private final class RulesAllRan: DeferredRuleResolver {
        func count(of index: Int) -> Int {
            preconditionFailure("rule \(index) did not run before the metas")
        }
    }

    /// The interpreter over one program's buffers.
    private struct Machine<Resolver: DeferredRuleResolver> {
        let code: UnsafeBufferPointer<MetaInstruction>
        let starts: UnsafeBufferPointer<Int32>
        let stack: UnsafeMutableBufferPointer<Double>

        /// The count of rule `index`, computing it first when unknown.
        @inline(__always)
        func value(_ index: Int, above top: Int, counts: UnsafeMutableBufferPointer<Int>, resolver: Resolver) -> Int {
            let known = counts[index]
            if known >= 0 { return known }
            if starts[index] >= 0 { return runSegment(of: index, base: top + 2, counts: counts, resolver: resolver) }
            let found = resolver.count(of: index)
            counts[index] = found
            return found
        }

        /// Runs the segment of meta `meta` with its stack from slot `base`; stores and returns its count.
        @discardableResult
        func runSegment(of meta: Int, base: Int, counts: UnsafeMutableBufferPointer<Int>, resolver: Resolver) -> Int {
            var top = base - 1
            var pc = Int(starts[meta])
            func read(_ index: Int32) -> Int { value(Int(index), above: top, counts: counts, resolver: resolver) }
            while true {
                switch code[pc] {
                case .constant(let value):
                    top += 1; stack[top] = value
                case .rule(let index):
                    let count = read(index)
                    top += 1; stack[top] = Double(count)
                case .not:
                    stack[top] = stack[top] == 0 ? 1 : 0
                case .negate:
                    stack[top] = -stack[top]
                case .add:
                    stack[top - 1] = stack[top - 1] + stack[top]; top -= 1
                case .binary(let op):
                    stack[top - 1] = op.apply(stack[top - 1], stack[top]); top -= 1
                case .jumpIfZeroElsePop(let target):
                    if stack[top] == 0 { pc = Int(target); continue }
                    top -= 1
                case .jumpIfNonZeroElsePop(let target):
                    if stack[top] != 0 { pc = Int(target); continue }
                    top -= 1
                case .popJumpIfZero(let target):
                    top -= 1
                    if stack[top + 1] == 0 { pc = Int(target); continue }
                case .jump(let target):
                    pc = Int(target); continue
                case .store(let index):
                    let hit = stack[top] != 0 ? 1 : 0
                    counts[Int(index)] = hit
                    return hit
                case .ruleJumpIfZero(let index, let target):
                    let count = read(index)
                    if count == 0 { top += 1; stack[top] = 0; pc = Int(target); continue }
                case .ruleJumpIfNonZero(let index, let target):
                    let count = read(index)
                    if count != 0 { top += 1; stack[top] = Double(count); pc = Int(target); continue }
                case .addRule(let index):
                    let count = read(index)
                    stack[top] = stack[top] + Double(count)
                case .notRule(let index):
                    let count = read(index)
                    top += 1; stack[top] = count == 0 ? 1 : 0
                case .binaryConstant(let value, let op):
                    stack[top] = op.apply(stack[top], value)
                case .storeRule(let index, let meta):
                    let hit = read(index) != 0 ? 1 : 0
                    counts[Int(meta)] = hit
                    return hit
                }
                pc += 1
            }
        }
    }
}
