import Testing
@testable import Rules

@Suite struct RuleFileParserTests {
    // MARK: header rules

    @Test func headerRuleWithNamedHeader() throws {
        let set = loadRules("header SUBJ_FREE Subject =~ /\\bfree\\b/i\n")
        let rule = try #require(set["SUBJ_FREE"])
        #expect(rule.kind == .header)
        guard case .header(let test) = rule.test else { Issue.record("not a header test"); return }
        #expect(test.header == HeaderSelector(name: "Subject"))
        #expect(!test.isNegated)
        #expect(test.pattern.sourceText == "\\bfree\\b")
        #expect(test.pattern.options == [.caseless])
        #expect(test.ifUnset == nil)
        #expect(rule.location == SourceLocation(file: "test.cf", line: 1))
    }

    @Test func headerModifiersAndPseudoHeaders() throws {
        let set = loadRules("""
            header A From:addr =~ /@example\\.com$/
            header B From:name:raw =~ /x/
            header C ALL =~ /^X-Foo:/m
            header D ToCc =~ /y/
            header E EnvelopeFrom =~ /z/
            header F MESSAGEID =~ /</
            header G ALL:raw =~ /\\r/
            header H X-Spam-Relays-Untrusted =~ /helo=/
            header I Received:first:ip =~ /^10\\./
            """)
        func selector(_ name: String) -> HeaderSelector? {
            if case .header(let test)? = set[name]?.test { return test.header }
            return nil
        }
        #expect(selector("A") == HeaderSelector(name: "From", modifiers: [.addr]))
        #expect(selector("B") == HeaderSelector(name: "From", modifiers: [.name, .raw]))
        #expect(selector("C")?.pseudoHeader == .all)
        #expect(selector("D")?.pseudoHeader == .toCc)
        #expect(selector("E")?.pseudoHeader == .envelopeFrom)
        #expect(selector("F")?.pseudoHeader == .messageID)
        #expect(selector("G")?.pseudoHeader == .all)
        #expect(selector("G")?.has(.raw) == true)
        #expect(selector("H")?.pseudoHeader == .relaysUntrusted)
        #expect(selector("I")?.modifiers == [.first, .ip])
        #expect(selector("A")?.pseudoHeader == nil)
        #expect(HeaderSelector(name: "all").pseudoHeader == nil, "ALL is case-sensitive")
        #expect(HeaderSelector(name: "tocc").pseudoHeader == .toCc)
        #expect(set.errors.isEmpty)
    }

    @Test func negatedHeaderTestWithIfUnset() throws {
        let set = loadRules("header NO_DATE Date !~ /^\\s*\\w/ [if-unset: Wed, 31 Jul 2002 16:41:57 +0200]\n")
        guard case .header(let test)? = set["NO_DATE"]?.test else { Issue.record("missing"); return }
        #expect(test.isNegated)
        #expect(test.ifUnset == "Wed, 31 Jul 2002 16:41:57 +0200")
        #expect(test.pattern.sourceText == "^\\s*\\w")
    }

    @Test func existsAndEvalHeaderRules() throws {
        let set = loadRules("""
            header HAS_XM exists:X-Mailer
            header HAS_LIST exists:List-Id:
            header DATE_SHIFT eval:check_for_shifted_date('-6', '-3')
            header RCVD_IN_X rbleval:check_rbl('x-lastexternal', 'bl.example.org.')
            header CHARS eval:check_illegal_chars('Subject', '0.00', "2")
            header NOARGS eval:check_for_missing_to_header()
            """)
        #expect(set["HAS_XM"]?.test == .exists(HeaderSelector(name: "X-Mailer")))
        #expect(set["HAS_LIST"]?.test == .exists(HeaderSelector(name: "List-Id")))
        guard case .eval(let function, let arguments)? = set["DATE_SHIFT"]?.test else { Issue.record("no eval"); return }
        #expect(function == "check_for_shifted_date")
        #expect(arguments == [.number(-6, text: "-6"), .number(-3, text: "-3")])
        guard case .eval(let rbl, let rblArguments)? = set["RCVD_IN_X"]?.test else { Issue.record("no rbl eval"); return }
        #expect(rbl == "check_rbl")
        #expect(rblArguments.map(\.text) == ["x-lastexternal", "bl.example.org."])
        guard case .eval(_, let charArguments)? = set["CHARS"]?.test else { Issue.record("no eval"); return }
        #expect(charArguments.map(\.text) == ["Subject", "0.00", "2"])
        #expect(charArguments[1].number == 0)
        guard case .eval(_, let none)? = set["NOARGS"]?.test else { Issue.record("no eval"); return }
        #expect(none.isEmpty)
    }

    @Test func evalArgumentsCanBeRegexes() throws {
        let set = loadRules("header SUB eval:check_rbl_sub('zen', '/^127\\.0\\.0\\.[23]$/i')\n")
        guard case .eval(_, let arguments)? = set["SUB"]?.test else { Issue.record("no eval"); return }
        #expect(arguments[0] == .string("zen"))
        #expect(arguments[1].regex?.sourceText == "^127\\.0\\.0\\.[23]$")
        #expect(arguments[1].regex?.options == [.caseless])
    }

    @Test func brokenHeaderRulesAreReportedWithTheirLine() {
        let set = loadRules("""
            # comment
            header A From:bogus =~ /x/
            header B From x
            header C From =~ /unclosed
            header D eval:not a call
            header E exists:bad header
            header F From:addr:raw:first =~ /x/
            header G
            """)
        #expect(set.count == 0)
        let lines = set.errors.map(\.line)
        #expect(lines == [2, 3, 4, 5, 6, 7, 8])
        #expect(set.errors[0].message.contains("invalid header modifier :bogus"))
        #expect(set.errors.allSatisfy { $0.file == "test.cf" })
    }

    // MARK: other rule kinds

    @Test func bodyRawbodyFullUriRules() throws {
        let set = loadRules("""
            body B1 /cheap pills/i
            body B2 eval:check_body_length('500')
            rawbody R1 m{<font\\s+color=}i
            rawbody R2 eval:check_stock_info('6')
            full F1 /^Received: from evil/m
            full F2 eval:check_razor2()
            uri U1 m,^https?://bit\\.ly/,i
            """)
        #expect(set["B1"]?.kind == .body)
        #expect(set["B1"]?.test.pattern?.sourceText == "cheap pills")
        #expect(set["B2"]?.test == .eval(function: "check_body_length", arguments: [.number(500, text: "500")]))
        #expect(set["R1"]?.kind == .rawbody)
        #expect(set["R1"]?.test.pattern?.sourceText == "<font\\s+color=")
        if case .eval(let function, _)? = set["R2"]?.test { #expect(function == "check_stock_info") } else { Issue.record("R2") }
        #expect(set["F1"]?.kind == .full)
        #expect(set["F1"]?.test.pattern?.options == [.multiline])
        #expect(set["F2"]?.kind == .full)
        #expect(set["U1"]?.kind == .uri)
        #expect(set["U1"]?.test.pattern?.sourceText == "^https?://bit\\.ly/")
        #expect(set.errors.isEmpty)
    }

    @Test func mimeheaderRules() throws {
        let set = loadRules("""
            mimeheader GIF Content-Type:raw =~ /^image\\/gif;\\n {8}name=".+?"$/s
            mimeheader TXT Content-Type =~ m,\\bapplication/octet-stream\\b.+\\.txt\\b,i
            mimeheader CHECK eval:check_for_mime('x')
            mimeheader BAD Content-Type:addr =~ /x/
            """)
        guard case .header(let gif)? = set["GIF"]?.test else { Issue.record("GIF"); return }
        #expect(set["GIF"]?.kind == .mimeheader)
        #expect(gif.header == HeaderSelector(name: "Content-Type", modifiers: [.raw]))
        #expect(gif.pattern.options == [.dotAll])
        #expect(set["TXT"]?.kind == .mimeheader)
        if case .eval? = set["CHECK"]?.test {} else { Issue.record("CHECK should be an eval") }
        #expect(set["BAD"] == nil)
        #expect(set.messages(.error).count == 1)
    }

    @Test func metaRulesResolveToIDs() throws {
        let set = loadRules("""
            body __A /a/
            body __B /b/
            meta BOTH __A && __B
            meta COUNT (__A + __B + __UNDEFINED) > 1
            """)
        let both = try #require(set["BOTH"])
        #expect(both.kind == .meta)
        let a = try #require(set.id(named: "__A")), b = try #require(set.id(named: "__B"))
        #expect(both.metaExpression?.dependencies == [a, b])
        #expect(both.metaExpression?.isTrue { $0 == a || $0 == b ? 1 : 0 } == true)
        #expect(both.metaExpression?.isTrue { $0 == a ? 1 : 0 } == false)
        #expect(set["COUNT"]?.metaExpression?.unresolvedNames == ["__UNDEFINED"])
        #expect(set.messages(.info) == ["4: meta COUNT uses __UNDEFINED, which no rule defines; it counts as 0"])
    }

    @Test func metaRulesMatchingExpandsGlobs() throws {
        let set = loadRules("""
            body __FOO_1 /x/
            body __FOO_2 /y/
            body __FOOBAR /z/
            meta FOO_META rules_matching(__FOO_?) >= 2
            meta NONE rules_matching(__NOTHING_*) > 0
            """)
        let ids = ["__FOO_1", "__FOO_2"].compactMap(set.id(named:))
        #expect(set["FOO_META"]?.metaExpression?.dependencies == ids)
        #expect(set["NONE"]?.metaExpression == .binary(.greater, .number(0), .number(0)))
    }

    @Test func brokenMetasAreReported() {
        let set = loadRules("""
            meta M1 A &&
            meta M2 A ** 2
            meta M3 $x && A
            meta M4 A / B
            meta M5 system('ls')
            meta M6 A->b
            """)
        #expect(set.count == 0)
        #expect(set.errors.map(\.line) == [1, 2, 3, 4, 5, 6])
        #expect(set.errors[3].message.contains("division by zero possible"))
    }

    @Test func askdnsAndReuse() throws {
        let set = loadRules("""
            askdns __SPF_ALL _SENDERDOMAIN_ TXT /^v=spf1 \\+all$/
            reuse OLD_NET_RULE
            body KEPT /x/
            reuse KEPT
            """)
        #expect(set["__SPF_ALL"]?.test == .plugin(directive: "askdns", arguments: ["_SENDERDOMAIN_", "TXT", "/^v=spf1 \\+all$/"]))
        #expect(set["OLD_NET_RULE"]?.kind == .placeholder)
        #expect(set["KEPT"]?.kind == .body, "reuse never replaces a rule")
    }

    @Test func invalidRuleNamesAreRefused() {
        let set = loadRules("""
            body 9LIVES /x/
            body BAD-NAME /x/
            body \(String(repeating: "L", count: 101)) /x/
            body GOOD_NAME_2 /x/
            """)
        #expect(set.count == 1)
        #expect(set.errors.map(\.line) == [1, 2, 3])
    }

    // MARK: scores, describe, tflags, priority

    @Test func scoresOneOrFourAndDefaults() throws {
        let set = loadRules("""
            score ONE 2.5
            body ONE /x/
            body FOUR /x/
            score FOUR 0 1.2 -0.5 3
            body DEFAULT /x/
            body T_TESTING /x/
            body NICE /x/
            tflags NICE nice
            body __SUB /x/
            """)
        #expect(set["ONE"]?.scores == RuleScores(all: 2.5))
        #expect(set["FOUR"]?.scores.values == [0, 1.2, -0.5, 3])
        #expect(set["FOUR"]?.score(in: .bayes) == -0.5)
        #expect(set["FOUR"]?.score(in: ScoreSet(bayes: true, network: true)) == 3)
        #expect(set["DEFAULT"]?.scores == RuleScores(all: 1, isDefault: true))
        #expect(set["T_TESTING"]?.scores == RuleScores(all: 0.01, isDefault: true))
        #expect(set["NICE"]?.scores == RuleScores(all: -1, isDefault: true))
        #expect(set["__SUB"]?.isSubRule == true)
        #expect(set["__SUB"]?.points(in: .local) == 0)
        #expect(set["__SUB"]?.isActive(in: .local) == true)
    }

    @Test func laterSettingsOverrideAndZeroDisables() throws {
        let set = loadRules("""
            body R /x/
            score R 3
            score R 1 0 1 0
            describe R first
            describe R second text
            score OFF 0
            body OFF /y/
            score REL 1
            score REL (0.5)
            body REL /z/
            """)
        let rule = try #require(set["R"])
        #expect(rule.scores.values == [1, 0, 1, 0])
        #expect(rule.isActive(in: .local))
        #expect(!rule.isActive(in: .network))
        #expect(rule.description == "second text")
        #expect(set["OFF"]?.isActive(in: .local) == false)
        #expect(set.activeRules(of: .body, in: .local).map(\.name) == ["R", "REL"])
        #expect(set["REL"]?.scores == RuleScores(all: 1.5))
    }

    @Test func badScoresAreReported() {
        let set = loadRules("""
            score A
            score B 1 2
            score C abc
            score D (1)
            score E 1 2 3 4 5
            """)
        #expect(set.errors.map(\.line) == [1, 2, 3, 4, 5])
    }

    @Test func tflagsAndPriority() throws {
        let set = loadRules("""
            uri COUNT /^./
            tflags COUNT multiple maxhits=16 publish
            body NETTY eval:check_uridnsbl('X')
            tflags NETTY net
            body EARLY /x/
            priority EARLY -500
            priority EARLY abc
            body PLAIN /y/
            """)
        let count = try #require(set["COUNT"])
        #expect(count.flags.isMultiple)
        #expect(count.flags.maxHits == 16)
        #expect(count.flags.contains("publish"))
        #expect(count.flags.value(of: "maxhits") == "16")
        #expect(set["NETTY"]?.flags.isNet == true)
        #expect(set["NETTY"]?.priority == -100)
        #expect(set["EARLY"]?.priority == -500)
        #expect(set["PLAIN"]?.priority == 0)
        #expect(set.messages(.error) == ["7: priority: priority must be an integer, not 'abc'"])
    }

    @Test func metasInheritNetAndLowerTheirDependencies() throws {
        let set = loadRules("""
            header __DNS eval:check_rbl('x', 'bl.example.')
            tflags __DNS net
            body __BODY /x/
            priority __BODY 10
            meta EARLY_META __DNS && __BODY
            priority EARLY_META -200
            """)
        #expect(set["EARLY_META"]?.flags.isNet == true)
        #expect(set["__BODY"]?.priority == -200)
        #expect(set["__DNS"]?.priority == -100, "a net rule is lowered to -100 only")
    }

    @Test func captureRulesRunFirst() throws {
        let set = loadRules("""
            body __HELLO /Hello, (?<HELLO_NAME>\\w+)/
            header NAME_IN_FROM From =~ /\\b%{HELLO_NAME}\\b/i
            """)
        #expect(set["__HELLO"]?.priority == -10000)
        #expect(set["__HELLO"]?.test.pattern?.capturedTags == ["HELLO_NAME"])
        #expect(set["NAME_IN_FROM"]?.test.pattern?.captureTemplates == ["HELLO_NAME"])
    }

    // MARK: file structure

    @Test func commentsLangLinesAndEscapedHashes() throws {
        let set = loadRules("""
            # a comment line
               body HASH /a\\#b/   # trailing comment
            lang de describe HASH Deutsch
            describe HASH English
            lang fr body FRENCH /x/
            \r
            body CRLF /crlf/\r
            """)
        #expect(set["HASH"]?.test.pattern?.sourceText == "a#b")
        #expect(set["HASH"]?.description == "English")
        #expect(set["FRENCH"] == nil)
        #expect(set["CRLF"]?.test.pattern?.sourceText == "crlf")
        #expect(set.problems.isEmpty)
    }

    @Test func unknownDirectivesAreWarnedAndKnownOnesKept() {
        let set = loadRules("""
            frobnicate all the things
            freemail_domains example.com example.net
            util_rb_tld com
            Util-RB-2TLD co.uk
            test GTUBE ok some text
            body R /x/
            """)
        #expect(set.messages(.warning) == ["1: unknown directive 'frobnicate'; line skipped"])
        #expect(set.settings(named: "freemail_domains").map(\.value) == ["example.com example.net"])
        #expect(set.settings(named: "util_rb_2tld").first?.location == SourceLocation(file: "test.cf", line: 4))
        #expect(set.settings(named: "test").count == 1)
        #expect(set["R"] != nil)
    }

    @Test func laterDefinitionReplacesEarlierButKeepsTheID() throws {
        let set = loadRules("""
            body FIRST /x/
            body SWITCH /one/
            header SWITCH Subject =~ /two/
            """)
        #expect(set.count == 2)
        let rule = try #require(set["SWITCH"])
        #expect(rule.id == RuleID(1))
        #expect(rule.kind == .header)
        #expect(rule.location.line == 3)
        #expect(set.rules.enumerated().allSatisfy { $0.offset == $0.element.id.index })
    }

    @Test func globalSettings() throws {
        let set = loadRules("""
            required_score 6.5
            redirector_pattern /^https?:\\/\\/(?:opt\\.)?chkpt\\.zdnet\\.com\\/chkpt\\/\\w+\\/(.*)$/i
            redirector_pattern m'^https?://www\\.google\\.com/url\\?q=([^&]+)'i
            required_score lots
            """)
        #expect(set.requiredScore == 6.5)
        #expect(set.redirectorPatterns.count == 2)
        #expect(set.redirectorPatterns[0].sourceText.hasPrefix("^https?://(?:opt"))
        #expect(set.messages(.error) == ["4: required_score: needs a number, not 'lots'"])
    }

    @Test func requireVersionSkipsTheRestOfTheFile() {
        let set = loadRules("""
            require_version @@VERSION@@
            body A /a/
            require_version 3.001000
            body B /b/
            """)
        #expect(set["A"] != nil)
        #expect(set["B"] == nil)
        #expect(set.messages(.warning).count == 1)
    }
}
