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

@Suite struct URIHostListTests {
    private let settings = "enlist_uri_host (BADTLD) icu online !good.online\nblocklist_uri_host spam.example"

    private func hits(_ eval: String, _ html: String) -> Bool {
        EvalHarness.hits("body TEST eval:\(eval)", EvalHarness.html(html), settings: settings)
    }

    @Test func hostsAndParentDomainsAreListed() {
        #expect(hits("check_uri_host_listed('BADTLD')", "<a href=\"http://shop.example.icu/x\">x</a>\n"))
        #expect(!hits("check_uri_host_listed('BADTLD')", "<a href=\"http://shop.example.com/x\">x</a>\n"))
        // the more specific exception wins
        #expect(!hits("check_uri_host_listed('BADTLD')", "<a href=\"http://www.good.online/\">x</a>\n"))
        #expect(hits("check_uri_host_in_blocklist()", "<a href=\"https://user@www.spam.example:8080/\">x</a>\n"))
        #expect(!hits("check_uri_host_in_welcomelist()", "<a href=\"https://www.spam.example/\">x</a>\n"))
    }

    @Test func hostExtraction() {
        #expect(URIEvals.host(of: Array("http://User@WWW.Example.com:80/path".utf8)) == "www.example.com")
        #expect(URIEvals.host(of: Array("mailto:a@b.c".utf8)) == nil)
    }
}

@Suite struct BounceEvalsTests {
    @Test func bounceRelays() {
        let bounce = EvalHarness.message(body: "Your message could not be delivered.\n\n> Received: from mail.mysite.example (mail.mysite.example [192.0.2.1])\n")
        let settings = "welcomelist_bounce_relays mail.mysite.example"
        #expect(EvalHarness.hits("body TEST eval:have_any_bounce_relays()", bounce, settings: settings))
        #expect(!EvalHarness.hits("body TEST eval:have_any_bounce_relays()", bounce))
        #expect(EvalHarness.hits("body TEST eval:check_welcomelist_bounce_relays()", bounce, settings: settings))
        #expect(!EvalHarness.hits("body TEST eval:check_welcomelist_bounce_relays()", bounce, settings: "welcomelist_bounce_relays other.example"))
    }
}
