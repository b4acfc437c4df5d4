import Testing
@testable import Server

@Suite struct ConfigKeyLocatorTests {
    @Test func tableHeadersAndKeys() {
        let locator = ConfigKeyLocator(text: """
            # comment = not a key
            top = 1

            [general]
            state_dir = "/x"
              log_level   =   "info"   # trailing comment
            [policy.domains."example.com"]
            required_score = 3
            """)
        #expect(locator.line(of: ["top"]) == 2)
        #expect(locator.line(of: ["general"]) == 4)
        #expect(locator.line(of: ["general", "state_dir"]) == 5)
        #expect(locator.line(of: ["general", "log_level"]) == 6)
        #expect(locator.line(of: ["policy"]) == 7)
        #expect(locator.line(of: ["policy", "domains"]) == 7)
        #expect(locator.line(of: ["policy", "domains", "example.com"]) == 7)
        #expect(locator.line(of: ["policy", "domains", "example.com", "required_score"]) == 8)
        #expect(locator.line(of: ["comment"]) == nil)
    }

    @Test func dottedAndQuotedKeys() {
        let locator = ConfigKeyLocator(text: """
            [policy]
            domains."a.example" . subject_tag = "x"
            'literal key' = 1
            "esc\\"aped\\u0041" = 2
            site.'x.y'.z = 3
            """)
        #expect(locator.line(of: ["policy", "domains", "a.example", "subject_tag"]) == 2)
        #expect(locator.line(of: ["policy", "domains"]) == 2)
        #expect(locator.line(of: ["policy", "literal key"]) == 3)
        #expect(locator.line(of: ["policy", "esc\"apedA"]) == 4)
        #expect(locator.line(of: ["policy", "site", "x.y", "z"]) == 5)
    }

    @Test func multilineStringsAreSkippedAndCounted() {
        let locator = ConfigKeyLocator(text: #"""
            [general]
            banner = """
            fake = 1
            [fake]
            still "" inside \"""
            """
            after = 2
            literal = '''
            [also.fake]
            '''
            last = 3
            """#)
        #expect(locator.line(of: ["general", "banner"]) == 2)
        #expect(locator.line(of: ["general", "fake"]) == nil)
        #expect(locator.line(of: ["fake"]) == nil)
        #expect(locator.line(of: ["general", "after"]) == 7)
        #expect(locator.line(of: ["also"]) == nil)
        #expect(locator.line(of: ["general", "last"]) == 11)
    }

    @Test func arraysSpanningLinesAndInlineTables() {
        let locator = ConfigKeyLocator(text: """
            [rules]
            files = [
              "a.cf",  # = comment
              "b]cf",
            ]
            listen = { address = "::1", port = 25 }
            hosts = [ { name = "a" },
                      { name = "b" } ]
            next = true
            """)
        #expect(locator.line(of: ["rules", "files"]) == 2)
        #expect(locator.line(of: ["rules", "files", "[1]"]) == 4)
        #expect(locator.line(of: ["rules", "listen", "port"]) == 6)
        #expect(locator.line(of: ["rules", "hosts", "[1]", "name"]) == 8)
        #expect(locator.line(of: ["rules", "next"]) == 9)
    }

    @Test func arraysOfTablesAreIndexed() {
        let locator = ConfigKeyLocator(text: """
            [[smtp.listen]]
            port = 25
            [[smtp.listen]]
            port = 587
            [smtp.listen.tls]
            cert = "x"
            """)
        #expect(locator.line(of: ["smtp", "listen"]) == 1)
        #expect(locator.line(of: ["smtp", "listen", "[0]", "port"]) == 2)
        #expect(locator.line(of: ["smtp", "listen", "[1]"]) == 3)
        #expect(locator.line(of: ["smtp", "listen", "[1]", "port"]) == 4)
        #expect(locator.line(of: ["smtp", "listen", "[1]", "tls", "cert"]) == 6)
    }

    @Test func nearestLineFallsBackToTheTable() {
        let locator = ConfigKeyLocator(text: "[general]\nx = 1\n\n[policy.domains.'a.b']\n")
        #expect(locator.nearestLine(of: ["policy", "domains", "a.b", "required_score"]) == 4)
        #expect(locator.nearestLine(of: ["general", "missing"]) == 1)
        #expect(locator.nearestLine(of: ["absent"]) == nil)
    }

    @Test func windowsLineEndings() {
        let locator = ConfigKeyLocator(text: "[general]\r\nlog_level = \"info\"\r\n\r\ntrace_ids = true\r\n")
        #expect(locator.line(of: ["general", "log_level"]) == 2)
        #expect(locator.line(of: ["general", "trace_ids"]) == 4)
    }

    @Test func brokenTextNeitherHangsNorCrashes() {
        let inputs = [
            "[", "[[", "[a", "\"", "'''", "\"\"\"\\", "a =", "a = [", "a = {", "a = { b = [ {", "= = =",
            "[a.]\nb = 1", "a.. = 1", "\\u", "\"\\u12", "[\"unterminated\nb = 1", "a = \"x\\",
        ]
        for input in inputs {
            _ = ConfigKeyLocator(text: input)
        }
        let locator = ConfigKeyLocator(text: "garbage line ===\n[ok]\nkey = 1\n")
        #expect(locator.line(of: ["ok", "key"]) == 3)
    }
}
