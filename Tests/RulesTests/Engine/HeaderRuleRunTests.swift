import MailMessage
import Testing
@testable import Rules

/// `runHeaderRules` runs the rules slot by slot with prefilters, gates and windows: it must hit
/// exactly where each rule run alone on its text hits (negated rules whose literals are absent
/// included), and report tags in run order.
@Suite struct HeaderRuleRunTests {
    static let rules = #"""
        header SUBJ_A Subject =~ /cheap/i
        header SUBJ_B Subject =~ /watches?\s+today/
        header SUBJ_NOT_PILLS Subject !~ /pills/
        header SUBJ_NOT_CHEAP Subject !~ /cheap/i
        header SUBJ_PILLS Subject =~ /pills/
        header __SUBJ_WORD Subject =~ /(?<WORD>w\w+)/
        header __FROM_USER From:addr =~ /^(?<WORD>[^@]+)@/
        header __SUBJ_LAST Subject =~ /(?<WORD>\w+)$/
        header FROM_EXAMPLE From =~ /example\.(?:com|org)/
        header FROM_NOT_NET From !~ /\.net\b/
        header REPLY_UNSET Reply-To =~ /^nobody$/ [if-unset: nobody]
        header REPLY_NOT_UNSET Reply-To !~ /^nobody$/ [if-unset: nobody]
        header MISSING_NEG X-Missing !~ /./
        header __SENDER_BOT ALL =~ /(?:not?\W?repl[yi]|bounce|contact|daemon|subscri|report|respon[ds]e?r?s?\b|\b(?:root|news|nobody|agent|(?:post|web)?master|manag|send(?:er|ing)?|out|(?:bot|web|www)\b))[^\@ >]{0,5}s?\@\w/i
        header ALL_TO ALL =~ /^To: /m
        header ALL_NOT_BCC ALL !~ /^Bcc: /m
        header ALL_LIST ALL =~ /^List-Id: /m
        header RCVD_FROM Received =~ /from \S+ by/
        header RCVD_NOT_IP Received !~ /\[\d+\.\d+\.\d+\.\d+\]/
        header RCVD_HELO Received =~ /helo=mail/
        body WORD_IN_BODY /%{WORD}/
        """#

    static let messages = [
        "From: Alice <alice@example.com>\nTo: bob@example.org\nSubject: cheap watches today\nReceived: from a.example by b.example; Mon, 2 Jan 2023\n\nwatches are here\n",
        "From: noreply@shop.example.net\nTo: x@example.org\nSubject: Pills for you\nReply-To: nobody\nList-Id: <l.example>\n\nbody alice\n",
        "From: postmaster@example.org\nSubject: report\nReceived: from [192.0.2.1] by mx (helo=mail.example)\n\ntext\n",
        "Subject: nothing here\n\nbody\n",
    ]

    @Test func everyRuleHitsAsItWouldAlone() {
        let compiled = CompiledRuleSet(RuleLoader().load(text: Self.rules))
        #expect(compiled.problems.isEmpty)
        let evaluator = RuleEvaluator(rules: compiled, evaluatesAllSubRules: true)
        let reference = ReferenceEvaluator(rules: compiled)
        var hits = 0
        for message in Self.messages {
            let views = SpamAssassinViews(message: MailMessage(parsing: Array(message.utf8)), environment: compiled.viewEnvironment)
            let expected = reference.counts(views)
            let actual = evaluator.evaluate(views).counts
            let differing = expected.indices.filter { expected[$0] != actual[$0] }.map { compiled.ruleSet.rules[$0].name }
            #expect(differing.isEmpty, "\(message.debugDescription): \(differing)")
            hits += actual.filter { $0 > 0 }.count
        }
        #expect(hits > 30)
        let first = evaluator.evaluate(SpamAssassinViews(message: MailMessage(parsing: Array(Self.messages[0].utf8))))
        for name in ["SUBJ_A", "SUBJ_B", "SUBJ_NOT_PILLS", "FROM_EXAMPLE", "FROM_NOT_NET", "REPLY_UNSET", "MISSING_NEG", "ALL_TO",
                     "ALL_NOT_BCC", "RCVD_FROM", "RCVD_NOT_IP", "WORD_IN_BODY"] {
            #expect(first.match(named: name) != nil, "\(name)")
        }
        for name in ["SUBJ_NOT_CHEAP", "SUBJ_PILLS", "REPLY_NOT_UNSET", "ALL_LIST", "RCVD_HELO"] {
            #expect(first.match(named: name) == nil, "\(name)")
        }
        let bot = evaluator.evaluate(SpamAssassinViews(message: MailMessage(parsing: Array(Self.messages[1].utf8))))
        #expect(bot.counts[compiled.ruleSet["__SENDER_BOT"]!.id.index] == 1)
    }

    /// Tags come out in rule order although the Subject rules run before the From rule.
    @Test func tagsAreCollectedInRunOrder() {
        let compiled = CompiledRuleSet(RuleLoader().load(text: Self.rules))
        let evaluator = RuleEvaluator(rules: compiled)
        let views = SpamAssassinViews(message: MailMessage(parsing: Array(Self.messages[0].utf8)), environment: compiled.viewEnvironment)
        var texts = HeaderTextCache(views: views, requests: compiled.headerRequests, presence: compiled.headerPlan.presence)
        var counts = [Int](repeating: 0, count: compiled.ruleSet.count)
        var tags: [String: [[UInt8]]] = [:]
        evaluator.runHeaderRules(texts: &texts, isActive: compiled.activeRules[0], counts: &counts, tags: &tags, noteLimit: { _ in }, profile: nil)
        var expected: [String: [[UInt8]]] = [:]
        for rule in compiled.header {
            guard let request = rule.request else { continue }
            let text = views.headerText(request) ?? rule.ifUnset ?? []
            if rule.regex.firstMatch(in: text).isMatch {
                compiled.captureTemplates.collectTags(of: rule.id, regex: rule.regex, text: text, into: &expected)
            }
        }
        #expect(tags == expected)
        #expect(tags["WORD"]?.map { String(decoding: $0, as: UTF8.self) } == ["watches", "alice", "today"])
    }
}
