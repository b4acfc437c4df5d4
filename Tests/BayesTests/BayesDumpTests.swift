import Testing
@testable import Bayes

@Suite struct BayesDumpTests {
    func dump(_ store: any BayesStore) throws -> [String] {
        var lines: [String] = []
        try BayesDump.write(store) { line in lines.append(line) }
        return lines
    }

    @Test func aDumpRestoresToTheSameStore() throws {
        let store = InMemoryBayesStore()
        let learner = BayesLearner(store: store, clock: { 1_234 })
        for number in 0..<3 {
            _ = try learner.learn(TestMessages.ham(number), as: .ham)
            _ = try learner.learn(TestMessages.spam(number), as: .spam)
        }
        let lines = try dump(store)
        #expect(lines[0] == BayesDump.header)
        #expect(lines[1] == "totals 3 3")
        #expect(lines.contains { $0.hasPrefix("token ") && $0.hasSuffix(" 1234") })
        #expect(lines.filter { $0.hasPrefix("journal ") }.count == 6)

        let copy = InMemoryBayesStore()
        _ = try BayesLearner(store: copy).learn(TestMessages.spam(77), as: .spam)
        try BayesDump.restore(try BayesDump.parse(lines.map { Substring($0) }), into: copy)
        #expect(try dump(copy) == lines, "restoring replaces what was there")
        // The journal came along: the restored store knows what it learned.
        #expect(try BayesLearner(store: copy).learn(TestMessages.ham(1), as: .ham) == .alreadyKnown)
    }

    @Test func badDumpsAreRefusedWithTheirLine() {
        func problem(_ text: String) -> BayesDumpError? {
            do {
                _ = try BayesDump.parse(text.split(separator: "\n", omittingEmptySubsequences: false))
                return nil
            } catch {
                return error
            }
        }
        #expect(problem("totals 1 2")?.line == 1)
        #expect(problem("\(BayesDump.header)\ntotals 1 2\ntoken 12 1 0 5")?.line == 3)
        #expect(problem("\(BayesDump.header)\ntotals 1 2\ntoken 00000000000000ff -1 0 5")?.message.contains("SPAM") == true)
        #expect(problem("\(BayesDump.header)\ntotals 1\n")?.line == 2)
        #expect(problem("\(BayesDump.header)\ntotals 1 2\njournal 00 spam 1 2 3")?.message.contains("KEY") == true)
        #expect(problem("\(BayesDump.header)\ntotals 1 2\nweird 1")?.message.contains("unknown record") == true)
        #expect(problem("\(BayesDump.header)\n# only a comment")?.message.contains("no totals") == true)
        #expect(problem("\(BayesDump.header)\ntotals 1 2\n\n# ok\ntoken 00000000000000ff 1 0 5") == nil)
    }
}
