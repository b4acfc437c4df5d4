import Testing
@testable import Rules

@Suite struct URIEvalsTests {
    @Test func httpsTextOnIPLink() {
        let html = EvalHarness.html("<a href=\"http://192.0.2.7/login\">https://www.bank.example/</a>\n")
        #expect(EvalHarness.hits("body TEST eval:check_https_ip_mismatch()", html))
        let honest = EvalHarness.html("<a href=\"https://www.bank.example/\">https://www.bank.example/</a>\n")
        #expect(!EvalHarness.hits("body TEST eval:check_https_ip_mismatch()", honest))
    }

    @Test func truncatedURI() {
        let long = EvalHarness.html("<a href=\"http://x.example/" + String(repeating: "a", count: 9000) + "\">x</a>\n")
        #expect(EvalHarness.hits("body TEST eval:check_uri_truncated()", long))
        #expect(!EvalHarness.hits("body TEST eval:check_uri_truncated()", EvalHarness.html("<a href=\"http://x.example/\">x</a>\n")))
    }
}
