/// The dependency graph of the meta rules: an evaluation order in which every meta comes after
/// the metas it reads, the loops (A reads B reads A), and the metas that depend on a loop.
/// All walks are iterative, so a long chain of metas cannot exhaust the stack.
struct MetaGraph {
    struct Loop {
        /// Every meta of the strongly connected component.
        var members: [RuleID]
        /// One cycle through the component, for messages: A, B means A -> B -> A.
        var path: [RuleID]
    }

    /// For each rule, the rules its meta expression reads (empty for other rules).
    let dependencies: [[RuleID]]
    /// The metas that can be evaluated, each after the metas it reads.
    private(set) var order: [RuleID] = []
    private(set) var loops: [Loop] = []
    /// Metas outside any loop that read a loop, directly or not.
    private(set) var blocked: [RuleID] = []

    init(tests: [RuleTest]) {
        let isMeta = tests.map { if case .meta = $0 { true } else { false } }
        dependencies = tests.map { test in
            if case .meta(let expression) = test { expression.dependencies } else { [] }
        }
        var metaDependencies = dependencies.map { $0.filter { isMeta[$0.index] } }
        var dependents = Array(repeating: [Int](), count: tests.count)
        var waiting = Array(repeating: 0, count: tests.count)
        for index in tests.indices where isMeta[index] {
            metaDependencies[index] = Array(Set(metaDependencies[index])).sorted()
            waiting[index] = metaDependencies[index].count
            for dependency in metaDependencies[index] { dependents[dependency.index].append(index) }
        }
        var ready = tests.indices.filter { isMeta[$0] && waiting[$0] == 0 }
        var cursor = 0
        while cursor < ready.count {
            let index = ready[cursor]
            cursor += 1
            order.append(RuleID(index))
            for dependent in dependents[index] {
                waiting[dependent] -= 1
                if waiting[dependent] == 0 { ready.append(dependent) }
            }
        }
        let unsolved = tests.indices.filter { isMeta[$0] && waiting[$0] > 0 }
        guard !unsolved.isEmpty else { return }
        let components = Self.stronglyConnectedComponents(of: unsolved, edges: metaDependencies)
        var inLoop = Set<Int>()
        for component in components {
            let isLoop = component.count > 1 || metaDependencies[component[0]].contains(RuleID(component[0]))
            guard isLoop else { continue }
            inLoop.formUnion(component)
            let members = component.sorted()
            loops.append(Loop(members: members.map(RuleID.init), path: Self.cycle(through: members[0], within: Set(members), edges: metaDependencies)))
        }
        loops.sort { $0.members[0] < $1.members[0] }
        blocked = unsolved.filter { !inLoop.contains($0) }.map(RuleID.init)
    }

    /// Tarjan's algorithm with an explicit stack, restricted to `nodes`.
    private static func stronglyConnectedComponents(of nodes: [Int], edges: [[RuleID]]) -> [[Int]] {
        let allowed = Set(nodes)
        var indexOf: [Int: Int] = [:]
        var lowLink: [Int: Int] = [:]
        var onStack = Set<Int>()
        var stack: [Int] = []
        var components: [[Int]] = []
        var counter = 0
        for root in nodes where indexOf[root] == nil {
            var work: [(node: Int, edge: Int)] = [(root, 0)]
            indexOf[root] = counter
            lowLink[root] = counter
            counter += 1
            stack.append(root)
            onStack.insert(root)
            while let (node, edge) = work.last {
                let targets = edges[node]
                if edge < targets.count {
                    work[work.count - 1].edge += 1
                    let target = targets[edge].index
                    guard allowed.contains(target) else { continue }
                    if indexOf[target] == nil {
                        indexOf[target] = counter
                        lowLink[target] = counter
                        counter += 1
                        stack.append(target)
                        onStack.insert(target)
                        work.append((target, 0))
                    } else if onStack.contains(target) {
                        lowLink[node] = min(lowLink[node]!, indexOf[target]!)
                    }
                    continue
                }
                work.removeLast()
                if let parent = work.last?.node { lowLink[parent] = min(lowLink[parent]!, lowLink[node]!) }
                if lowLink[node] == indexOf[node] {
                    var component: [Int] = []
                    while let top = stack.popLast() {
                        onStack.remove(top)
                        component.append(top)
                        if top == node { break }
                    }
                    components.append(component)
                }
            }
        }
        return components
    }

    /// The shortest cycle from `start` back to itself inside one component (breadth first).
    private static func cycle(through start: Int, within members: Set<Int>, edges: [[RuleID]]) -> [RuleID] {
        var previous: [Int: Int] = [:]
        var queue = [start]
        var cursor = 0
        while cursor < queue.count {
            let node = queue[cursor]
            cursor += 1
            for target in edges[node].map(\.index) where members.contains(target) {
                if target == start {
                    var path = [node]
                    while let back = previous[path[path.count - 1]] { path.append(back) }
                    return path.reversed().map(RuleID.init)
                }
                if previous[target] == nil && target != start {
                    previous[target] = node
                    queue.append(target)
                }
            }
        }
        return [RuleID(start)]
    }
}
