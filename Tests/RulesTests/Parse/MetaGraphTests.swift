import Testing
@testable import Rules

@Suite struct MetaGraphTests {
    @Test func metaLoopIsReportedAndDisabled() throws {
        let set = loadRules("""
            body __X /x/
            meta LOOP_A __X && LOOP_B
            meta LOOP_B LOOP_A || __X
            meta AFTER_LOOP LOOP_A && __X
            meta FINE __X
            """)
        let a = try #require(set["LOOP_A"]), b = try #require(set["LOOP_B"])
        #expect(a.disabledReason == "meta loop: LOOP_A -> LOOP_B -> LOOP_A")
        #expect(b.disabledReason != nil)
        #expect(!a.isActive(in: .local))
        #expect(set["AFTER_LOOP"]?.disabledReason == "depends on a meta loop")
        #expect(set["FINE"]?.disabledReason == nil)
        #expect(set.messages(.error) == [
            "2: meta loop LOOP_A -> LOOP_B -> LOOP_A; LOOP_A disabled",
            "3: meta loop LOOP_A -> LOOP_B -> LOOP_A; LOOP_B disabled",
        ])
        #expect(set.messages(.warning) == ["4: meta AFTER_LOOP depends on a meta loop; disabled"])
        #expect(set.metaEvaluationOrder == [set.id(named: "FINE")!])
    }

    @Test func selfLoop() throws {
        let set = loadRules("meta SELF SELF || 1\n")
        #expect(set["SELF"]?.disabledReason == "meta loop: SELF -> SELF")
        #expect(set.metaEvaluationOrder.isEmpty)
    }

    @Test func evaluationOrderPutsDependenciesFirst() throws {
        let set = loadRules("""
            meta TOP MIDDLE && __LEAF
            meta MIDDLE BOTTOM || __LEAF
            meta BOTTOM __LEAF
            body __LEAF /x/
            """)
        let order = set.metaEvaluationOrder.map { set[$0].name }
        #expect(order == ["BOTTOM", "MIDDLE", "TOP"])
        #expect(set.problems.isEmpty)
    }

    @Test func longMetaChainDoesNotExhaustTheStack() throws {
        let count = 20_000
        var text = "body __R0 /x/\n"
        for index in 1...count { text += "meta __R\(index) __R\(index - 1)\n" }
        text += "meta __R0_LOOP __R\(count) && __R0_LOOP2\nmeta __R0_LOOP2 __R0_LOOP\n"
        let set = loadRules(text)
        #expect(set.metaEvaluationOrder.count == count)
        #expect(set.metaEvaluationOrder.first == set.id(named: "__R1"))
        #expect(set.errors.count == 2)
    }

    @Test func evaluatingInOrderGivesMetaValues() throws {
        let set = loadRules("""
            body __A /a/
            body __B /b/
            meta __EITHER __A || __B
            meta BOTH_AND_MORE __EITHER && __B > 0
            """)
        var values = Array(repeating: 0.0, count: set.count)
        values[set.id(named: "__B")!.index] = 1
        for id in set.metaEvaluationOrder {
            values[id.index] = set[id].metaExpression!.evaluate { values[$0.index] }
        }
        #expect(values[set.id(named: "__EITHER")!.index] == 1)
        #expect(values[set.id(named: "BOTH_AND_MORE")!.index] == 1)
    }
}
