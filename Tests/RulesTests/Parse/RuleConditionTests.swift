import Testing
@testable import Rules

/// `if`, `ifplugin`, `else`, `endif`, `loadplugin` and `enable_compat` in rule files.
@Suite struct RuleConditionTests {
    private let bodyEval = "Mail::SpamAssassin::Plugin::BodyEval"
    private let spf = "Mail::SpamAssassin::Plugin::SPF"

    @Test func ifpluginFollowsProvidedPlugins() {
        let set = loadRules("""
            ifplugin \(bodyEval)
              body WITH_BODYEVAL /a/
            endif
            ifplugin \(spf)
              header WITH_SPF eval:check_for_spf_pass()
            endif
            if !plugin(\(spf))
              body WITHOUT_SPF /b/
            endif
            """)
        #expect(set["WITH_BODYEVAL"] != nil)
        #expect(set["WITH_SPF"] == nil)
        #expect(set["WITHOUT_SPF"] != nil)
        #expect(set.problems.isEmpty)
    }

    @Test func loadpluginOnlyLoadsWhatSwfilterProvides() {
        let options = RuleLoaderOptions(providedPlugins: [bodyEval, spf], preloadedPlugins: [])
        let set = loadRules("""
            ifplugin \(spf)
              body BEFORE_LOAD /a/
            endif
            loadplugin \(spf)
            loadplugin Mail::SpamAssassin::Plugin::Razor2 /usr/share/perl5/Razor2.pm
            ifplugin \(spf)
              body AFTER_LOAD /b/
            endif
            ifplugin Mail::SpamAssassin::Plugin::Razor2
              body RAZOR /c/
            endif
            """, options: options)
        #expect(set["BEFORE_LOAD"] == nil)
        #expect(set["AFTER_LOAD"] != nil)
        #expect(set["RAZOR"] == nil)
        #expect(set.loadedPlugins == [spf])
        #expect(set.messages(.info) == ["5: plugin Mail::SpamAssassin::Plugin::Razor2 is not provided by swfilter; its rules are skipped"])
    }

    @Test func versionAndFeatureConditions() {
        let set = loadRules("""
            if (version >= 3.004000)
              body NEW_ENOUGH /a/
            endif
            if (version >= 9.000000)
              body FUTURE /b/
            endif
            if can(Mail::SpamAssassin::Conf::feature_bug6558_free)
              body FEATURE /c/
            endif
            if can(Mail::SpamAssassin::Conf::compat_welcomelist_blocklist)
              body COMPAT_EARLY /d/
            endif
            enable_compat welcomelist_blocklist
            if can(Mail::SpamAssassin::Conf::compat_welcomelist_blocklist)
              body COMPAT_LATE /e/
            endif
            """)
        #expect(set["NEW_ENOUGH"] != nil)
        #expect(set["FUTURE"] == nil)
        #expect(set["FEATURE"] != nil)
        #expect(set["COMPAT_EARLY"] == nil)
        #expect(set["COMPAT_LATE"] != nil)
    }

    @Test func elseAndNesting() {
        let set = loadRules("""
            if (version >= 9)
              body A /a/
              if (version >= 1)
                body B /b/
              else
                body C /c/
              endif
            else
              body D /d/
              if (version >= 9)
                body E /e/
              else
                body F /f/
              endif
            endif
            body G /g/
            """)
        #expect(set.rules.map(\.name) == ["D", "F", "G"])
        #expect(set.problems.isEmpty)
    }

    @Test func structureErrorsAreReportedWithTheirLine() {
        let set = loadRules("""
            endif
            else
            if (version >= 1)
              body INSIDE /x/
            else extra
            endif trailing
            if frobnicate(x)
              body NEVER /x/
            endif
            if
            """)
        #expect(set["INSIDE"] != nil)
        #expect(set["NEVER"] == nil)
        #expect(set.errors.map(\.line) == [1, 2, 5, 6, 7, 10, 10, 3])
        #expect(set.errors.last?.message.contains("not closed") == true)
    }

    @Test func unclosedIfIsReportedAtItsOwnLine() {
        let set = loadRules("body A /a/\nifplugin \(bodyEval)\nbody B /b/\n")
        #expect(set["B"] != nil)
        #expect(set.messages(.error) == ["2: 'if' block is not closed by 'endif' before the end of the file"])
    }

    @Test func conditionNestingBombIsBounded() {
        let depth = 10_000
        let text = String(repeating: "if (version >= 1)\n", count: depth) + "body DEEP /x/\n" + String(repeating: "endif\n", count: depth)
        let set = loadRules(text)
        #expect(set["DEEP"] == nil, "blocks deeper than the limit count as false")
        #expect(set.messages(.error).count == 1)
    }
}
