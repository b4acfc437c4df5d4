import Testing
@testable import Rules

@Suite struct MetaExpressionTests {
    /// Evaluates `text` with names standing for the given hit counts (others 0).
    private func value(_ text: String, _ hits: [String: Double] = [:]) throws -> Double {
        let names = Array(hits.keys).sorted()
        let expression = try MetaExpression.parse(text).resolved(
            lookup: { name in names.firstIndex(of: name).map(RuleID.init) }, matching: { _ in [] })
        return expression.evaluate { hits[names[$0.index]] ?? 0 }
    }

    @Test func booleanOperatorsFollowPerlPrecedence() throws {
        #expect(try value("A && B || C", ["C": 1]) == 1)
        #expect(try value("A && (B || C)", ["C": 1]) == 0)
        #expect(try value("!A && B", ["B": 1]) == 1)
        #expect(try value("!(A && B)", ["A": 1, "B": 1]) == 0)
        #expect(try value("A || B && C", ["A": 1]) == 1)
    }

    @Test func andOrGiveOperandValuesLikePerl() throws {
        #expect(try value("(A || B)", ["B": 3]) == 3)
        #expect(try value("(A && B)", ["A": 2, "B": 5]) == 5)
        #expect(try value("(A && B)", ["B": 5]) == 0)
        #expect(try value("(A || B) + C", ["A": 2, "C": 1]) == 3)
    }

    @Test func arithmeticAndComparisons() throws {
        #expect(try value("A + B * 2 > 3", ["A": 2, "B": 1]) == 1)
        #expect(try value("(A + B) * 2", ["A": 2, "B": 1]) == 6)
        #expect(try value("A - B - C", ["A": 10, "B": 3, "C": 2]) == 5)
        #expect(try value("A - B + C", ["A": 10, "B": 3, "C": 2]) == 9)
        #expect(try value("A / 2", ["A": 3]) == 1.5)
        #expect(try value("-A + 2", ["A": 5]) == -3)
        #expect(try value("A >= 2", ["A": 2]) == 1)
        #expect(try value("A < 2", ["A": 2]) == 0)
        #expect(try value("A == 0") == 1)
        #expect(try value("A != 0", ["A": 1]) == 1)
        #expect(try value("1.5 * 2") == 3)
        #expect(try value("A ^ B", ["A": 1, "B": 1]) == 0)
        #expect(try value("A ^ B", ["A": 1]) == 1)
        #expect(try value("A ? 10 : 20", ["A": 1]) == 10)
        #expect(try value("A ? 10 : B ? 20 : 30", ["B": 1]) == 20)
    }

    @Test func divisionByZeroAtRunTimeIsZero() throws {
        #expect(try value("2 / (A - 1)", ["A": 1]) == 0)
    }

    @Test func sumsAreFlattened() throws {
        let expression = try MetaExpression.parse("A + B + C + D")
        guard case .sum(let terms) = expression else {
            Issue.record("expected a flat sum, got \(expression)")
            return
        }
        #expect(terms.count == 4)
    }

    @Test func emptyParenthesesDeclareARule() throws {
        #expect(try MetaExpression.parse("()") == .number(0))
    }

    @Test func localTestsOnlyIsAFlag() throws {
        let expression = try MetaExpression.parse("!local_tests_only")
        #expect(expression.evaluate(localTestsOnly: false) { _ in 0 } == 1)
        #expect(expression.evaluate(localTestsOnly: true) { _ in 0 } == 0)
    }

    @Test func reportsDependenciesOnceEach() throws {
        let expression = try MetaExpression.parse("A && (B || A) && !C").resolved(
            lookup: { ["A": RuleID(0), "B": RuleID(1)][$0] }, matching: { _ in [] })
        #expect(expression.dependencies == [RuleID(0), RuleID(1)])
        #expect(expression.unresolvedNames == ["C"])
    }

    @Test(arguments: ["A &&", "(A", "A)", "A B", "&& A", "A < B < C", "A == B != C", "A ? B", "1.2.3", "A :: B",
                      "A & B", "foo(A)", "A $ B", ""])
    func syntaxErrorsAreReported(text: String) {
        #expect(throws: ExpressionError.self) { try MetaExpression.parse(text) }
    }

    @Test func metaNestingBombIsRejected() {
        let deep = String(repeating: "(", count: 50_000) + "A" + String(repeating: ")", count: 50_000)
        #expect(throws: ExpressionError.self) { try MetaExpression.parse(deep) }
        let negations = String(repeating: "!", count: 50_000) + "A"
        #expect(throws: ExpressionError.self) { try MetaExpression.parse(negations) }
    }

    @Test func longSumsOfRulesAreFine() throws {
        let text = (0..<5000).map { "R\($0)" }.joined(separator: " + ") + " > 2"
        let expression = try MetaExpression.parse(text)
        #expect(expression.unresolvedNames.count == 5000)
    }

    @Test func longChainsOfSubtractionHitTheDepthLimit() {
        let text = (0..<1000).map { "R\($0)" }.joined(separator: " - ")
        #expect(throws: ExpressionError.self) { try MetaExpression.parse(text) }
        let limits = MetaExpressionParser.Limits(maxDepth: 2000)
        #expect(throws: Never.self) { try MetaExpression.parse(text, limits: limits) }
    }
}
