import Testing
@testable import Bayes

/// A message whose tokens say both spam and ham strongly is decided by its header's and its
/// body's tokens apart.
@Suite struct ConflictBandTests {
    @Test func headerTokensAreMarkedBodyTokensAreNot() {
        let set = Tokenizer(options: TokenizerOptions(keepTexts: true)).tokens(of: TestMessages.plainMessage())
        for token in ["s:quarterly", "f:a:alice@mail.example.com", "x:mutt 9.9.9i", "hn:x-mailer", "r:ip:192.0.2.17", "b:s:quarterly report"] {
            #expect(set.contains(token), "\(token) is made")
            #expect(set.isHeader(TokenHasher.hash(token)), "\(token) is a header token")
        }
        for token in ["quarterly", "report", "charts", "u:h:reports.example.com", "b:quarterly report"] {
            #expect(set.contains(token), "\(token) is made")
            #expect(!set.isHeader(TokenHasher.hash(token)), "\(token) is a body token")
        }
        #expect(set.header == Array(Set(set.header)).sorted(), "sorted and distinct")
        #expect(set.header.allSatisfy { set.hashes.contains($0) })
    }

    @Test func relayTokensAreMarkedAndNoOthers() {
        let set = Tokenizer(options: TokenizerOptions(keepTexts: true)).tokens(of: TestMessages.plainMessage())
        for token in ["r:ip:192.0.2.17", "r:h:relay.example.net", "r0:ip:192.0.2.17", "r:count:1"] {
            #expect(set.contains(token), "\(token) is made")
        }
        // Exactly the tokens bayes-tune.py's header groups take for relays: by their prefix.
        for hash in set.hashes {
            let text = set.texts[hash] ?? ""
            #expect(set.isRelay(hash) == (text.hasPrefix("r:") || text.hasPrefix("r0:")), "\(text)")
        }
        #expect(set.relays == Array(Set(set.relays)).sorted(), "sorted and distinct")
        #expect(set.relays.allSatisfy { set.isHeader($0) && set.headerFields[$0] == nil })
    }

    @Test func theLearnerPathMarksNothing() {
        let set = Tokenizer().tokens(of: TestMessages.plainMessage(), marksSecondary: false)
        #expect(set.count > 0)
        #expect(set.header.isEmpty)
        #expect(set.relays.isEmpty)
    }

    /// Twenty strong tokens each way in the body leave both tails far below 1e-4.
    let body = Array(repeating: 0.999, count: 20) + Array(repeating: 0.001, count: 20)

    @Test func messageWithAConflictedBodyGoesTheWayOfItsHeader() {
        let spamHeader = [0.99, 0.98, 0.95]
        let hamHeader = [0.01, 0.02, 0.05]
        let spammy = ConflictBand.combined(body + spamHeader, conflictTail: 1e-4) { ([spamHeader], body) }
        let hammy = ConflictBand.combined(body + hamHeader, conflictTail: 1e-4) { ([hamHeader], body) }
        #expect(spammy > 0.5)
        #expect(hammy < 0.5)
        #expect(abs(spammy - 0.5) <= ConflictBand.width && abs(hammy - 0.5) <= ConflictBand.width, "both in the band")
        // Without the band, Fisher's tiny tails decide, the same way for both (mirrored body).
        #expect(ConflictBand.combined(body + spamHeader, conflictTail: 0) { ([spamHeader], body) } == ChiSquare.fisherCombined(body + spamHeader))
    }

    /// The conflict lies between the parts: the header leans one way, the body (surer of its
    /// side) the other, and the message goes the body's way.
    @Test func theSurerPartWinsAConflictBetweenHeaderAndBody() {
        let header = Array(repeating: 0.99, count: 3) + Array(repeating: 0.02, count: 12)
        let body = Array(repeating: 0.99, count: 12) + Array(repeating: 0.02, count: 2)
        let tails = ChiSquare.fisherTails(header + body)
        #expect(max(tails.ham.value, tails.spam.value) < 1e-4, "conflicted")
        #expect(ConflictBand.lean(header) < -0.25 && ConflictBand.lean(body) > 0.45)
        let spammy = ConflictBand.combined(header + body, conflictTail: 1e-4) { ([header], body) }
        #expect(spammy > 0.5 && spammy - 0.5 <= ConflictBand.width)
        // Mirrored: a spam-leaning header, a body surer of ham.
        let mirroredHeader = header.map { 1 - $0 }, mirroredBody = body.map { 1 - $0 }
        let hammy = ConflictBand.combined(mirroredHeader + mirroredBody, conflictTail: 1e-4) { ([mirroredHeader], mirroredBody) }
        #expect(hammy < 0.5 && 0.5 - hammy <= ConflictBand.width)
    }

    /// The header's groups vote apart: field words that say ham (a list server many hams came
    /// by) outnumber the spam-side relays and sender's tokens, so that the header's tokens
    /// pooled lean ham; as groups, two of three say spam.
    @Test func eachHeaderGroupCastsOneVote() {
        let fields = Array(repeating: 0.02, count: 15), relays = [0.99, 0.99, 0.99], sender = [0.99, 0.99, 0.99]
        #expect(ConflictBand.lean(fields + relays + sender) < 0, "pooled, the header leans ham")
        #expect(ConflictBand.meanLean([fields, relays, sender]) > 0.1)
        let all = fields + relays + sender + body
        #expect(ConflictBand.combined(all, conflictTail: 1e-4) { ([fields + relays + sender], body) } < 0.5)
        let grouped = ConflictBand.combined(all, conflictTail: 1e-4) { ([fields, relays, sender], body) }
        #expect(grouped > 0.5 && grouped - 0.5 <= ConflictBand.width)
        // A group without tokens casts no vote.
        #expect(ConflictBand.meanLean([fields, [], []]) == ConflictBand.lean(fields))
        #expect(ConflictBand.meanLean([[], [], []]) == 0)
    }

    @Test func messageWithOneSidedEvidenceIsFishersAsBefore() {
        let spammy = Array(repeating: 0.99, count: 10) + [0.2]
        var askedForHeader = false
        let result = ConflictBand.combined(spammy, conflictTail: 1e-4) {
            askedForHeader = true
            return ([[0.01]], spammy)
        }
        #expect(result == ChiSquare.fisherCombined(spammy))
        #expect(!askedForHeader, "the header tokens are looked at only for a conflicted message")
    }

    @Test func withoutHeaderEvidenceTheWholeMessageOrdersTheBand() {
        let leaningSpam = ConflictBand.combined(body + [0.999], conflictTail: 1e-4) { ([], body + [0.999]) }
        let leaningHam = ConflictBand.combined(body + [0.001], conflictTail: 1e-4) { ([], body + [0.001]) }
        #expect(leaningSpam > leaningHam)
        #expect(leaningSpam > 0.5 && leaningHam < 0.5)
    }

    @Test func classifierUsesTheHeaderMarks() {
        // Tokens 1-20 spammy, 21-40 hammy, all in the body; 41 and 42 are header tokens.
        let totals = BayesTotals(spam: 1000, ham: 1000)
        var counts = (0..<20).map { _ in TokenCounts(spam: 500, ham: 0) } + (0..<20).map { _ in TokenCounts(spam: 0, ham: 500) }
        counts += [TokenCounts(spam: 300, ham: 1), TokenCounts(spam: 200, ham: 1)]
        let hashes = (1...42).map(UInt64.init)
        let classifier = BayesClassifier(parameters: ClassifierParameters(minSpam: 1, minHam: 1))
        let spamHeader = classifier.classify(TokenSet(hashes: hashes, header: [41, 42]), counts: counts, totals: totals)
        #expect(spamHeader.probability! > 0.5)
        // The same counts with the spammy pair in the body and a hammy header token instead.
        var hammy = counts
        hammy[40] = TokenCounts(spam: 1, ham: 300)
        let hamHeader = classifier.classify(TokenSet(hashes: hashes, header: [41]), counts: hammy, totals: totals)
        #expect(hamHeader.probability! < 0.5)
        var off = ClassifierParameters(minSpam: 1, minHam: 1)
        off.conflictTail = 0
        let unbanded = BayesClassifier(parameters: off).classify(TokenSet(hashes: hashes, header: [41]), counts: hammy, totals: totals)
        #expect(unbanded.probability! != hamHeader.probability!)
    }

    @Test func classifierHandsTheBandBothParts() {
        // f ≈ 0.99 for (99 spam, 1 ham), ≈ 0.02 for (2, 98): the header leans ham, the body is
        // surer of spam (the parts of theSurerPartWinsAConflictBetweenHeaderAndBody).
        let totals = BayesTotals(spam: 1000, ham: 1000)
        let spammy = TokenCounts(spam: 99, ham: 1), hammy = TokenCounts(spam: 2, ham: 98)
        let header = Array(repeating: spammy, count: 3) + Array(repeating: hammy, count: 12)
        let body = Array(repeating: spammy, count: 12) + Array(repeating: hammy, count: 2)
        let hashes = (1...UInt64(header.count + body.count)).map { $0 }
        let set = TokenSet(hashes: hashes, header: Array(hashes.prefix(header.count)))
        let classifier = BayesClassifier(parameters: ClassifierParameters(minSpam: 1, minHam: 1))
        let result = classifier.classify(set, counts: header + body, totals: totals)
        #expect(result.probability! > 0.5 && result.probability! - 0.5 <= ConflictBand.width)
    }

    @Test func classifierGroupsTheHeaderTokens() {
        // f ≈ 0.99 for (99 spam, 1 ham), ≈ 0.02 for (2, 98). Hashes 1-15 are a field's words
        // (hammy; the field cap off), 16-18 relays and 19-21 other header tokens (spammy), 22-61
        // a conflicted body.
        let totals = BayesTotals(spam: 1000, ham: 1000)
        let spammy = TokenCounts(spam: 99, ham: 1), hammy = TokenCounts(spam: 2, ham: 98)
        let counts = Array(repeating: hammy, count: 15) + Array(repeating: spammy, count: 6)
            + Array(repeating: TokenCounts(spam: 500, ham: 0), count: 20) + Array(repeating: TokenCounts(spam: 0, ham: 500), count: 20)
        let hashes = (1...UInt64(counts.count)).map { $0 }
        let header = Array(hashes.prefix(21))
        var parameters = ClassifierParameters(minSpam: 1, minHam: 1)
        parameters.maxTokensPerField = 0
        let classifier = BayesClassifier(parameters: parameters)
        let fields = Dictionary(uniqueKeysWithValues: header.prefix(15).map { ($0, UInt64(7)) })
        let grouped = TokenSet(hashes: hashes, header: header, headerFields: fields, relays: [16, 17, 18])
        let result = classifier.classify(grouped, counts: counts, totals: totals)
        #expect(result.probability! > 0.5 && result.probability! - 0.5 <= ConflictBand.width)
        // Unmarked, the header tokens are one group, which leans ham.
        let pooled = classifier.classify(TokenSet(hashes: hashes, header: header), counts: counts, totals: totals)
        #expect(pooled.probability! < 0.5)
    }
}
