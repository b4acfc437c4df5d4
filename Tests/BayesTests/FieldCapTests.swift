import Testing
@testable import Bayes

/// One header field's words give at most `ClassifierParameters.maxTokensPerField` significant
/// tokens: server boilerplate (cPanel's X-AntiAbuse lines) cannot outvote the rest.
@Suite struct FieldCapTests {
    static let boilerplate = """
        From: "Alice Example" <alice@mail.example.com>
        To: bob@example.org
        Subject: Quarterly Report
        X-AntiAbuse: This header was added to track abuse, please include it with any abuse report
        X-AntiAbuse: Primary Hostname - host.example.net
        X-Mailing-List: team@example.org

        Here is the report.

        """

    @Test func wordsOfOneFieldShareAGroupOtherTokensHaveNone() {
        let set = Tokenizer(options: TokenizerOptions(keepTexts: true)).tokens(of: TestMessages.parse(Self.boilerplate))
        let abuse = ["hn:x-antiabuse", "H:x-antiabuse:track", "H:x-antiabuse:report", "H:x-antiabuse:host.example.net"]
        for token in abuse + ["hn:x-mailing-list", "H:x-mailing-list:team@example.org"] {
            #expect(set.contains(token), "\(token) is made")
        }
        let groups = Set(abuse.map { set.headerFields[TokenHasher.hash($0)] })
        #expect(groups.count == 1 && groups.first! != nil, "both X-AntiAbuse fields are one group")
        let list = set.headerFields[TokenHasher.hash("H:x-mailing-list:team@example.org")]
        #expect(list != nil && !groups.contains(list), "another field is another group")
        for token in ["s:quarterly", "f:a:alice@mail.example.com", "report"] {
            #expect(set.contains(token), "\(token) is made")
            #expect(set.headerFields[TokenHasher.hash(token)] == nil, "\(token) belongs to no field group")
        }
        #expect(set.headerFields.keys.allSatisfy { set.hashes.contains($0) })
    }

    @Test func theLearnerPathGroupsNothing() {
        let set = Tokenizer().tokens(of: TestMessages.parse(Self.boilerplate), marksSecondary: false)
        #expect(set.count > 0)
        #expect(set.headerFields.isEmpty)
    }

    /// Tokens 1-12 are one field's words, all hammy (the strongest first: 1 is seen in most
    /// ham); 13-16 are spammy body tokens.
    let totals = BayesTotals(spam: 1000, ham: 1000)
    var counts: [TokenCounts] {
        (0..<12).map { TokenCounts(spam: 0, ham: 400 - $0 * 10) } + (0..<4).map { _ in TokenCounts(spam: 300, ham: 1) }
    }
    let tokens = TokenSet(hashes: (1...16).map(UInt64.init), headerFields: Dictionary(uniqueKeysWithValues: (1...12).map { (UInt64($0), UInt64(77)) }))

    func classifier(cap: Int) -> BayesClassifier {
        BayesClassifier(parameters: ClassifierParameters(minSpam: 1, minHam: 1, maxTokensPerField: cap))
    }

    @Test func aFieldGivesAtMostTheCapOfItsStrongestTokens() {
        let capped = classifier(cap: 3).classify(tokens, counts: counts, totals: totals, evidenceLimit: 100)
        let fieldEvidence = capped.evidence.filter { $0.hash <= 12 }.map(\.hash).sorted()
        #expect(fieldEvidence.count == 3)
        #expect(capped.evidence.filter { $0.hash > 12 }.count == 4, "tokens outside the field are all kept")
        let all = classifier(cap: 0).classify(tokens, counts: counts, totals: totals, evidenceLimit: 100)
        #expect(all.evidence.filter { $0.hash <= 12 }.count == 12)
        // The strongest of the field: those seen in the most ham.
        let strongest = all.evidence.filter { $0.hash <= 12 }.sorted { abs($0.probability - 0.5) > abs($1.probability - 0.5) }.prefix(3)
        #expect(fieldEvidence == strongest.map(\.hash).sorted())
        #expect(capped.probability! > all.probability!, "twelve hammy words of one field outweigh less when capped")
    }

    @Test func withoutFieldGroupsTheCapChangesNothing() {
        let plain = TokenSet(hashes: tokens.hashes)
        let capped = classifier(cap: 3).classify(plain, counts: counts, totals: totals)
        let all = classifier(cap: 0).classify(plain, counts: counts, totals: totals)
        #expect(capped.probability == all.probability)
    }
}
