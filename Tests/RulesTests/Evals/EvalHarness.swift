import MailMessage
@testable import Rules

/// Runs one eval rule (plus any settings) over a hand-written message.
enum EvalHarness {
    /// Whether rule `TEST`, defined by `definition` (e.g. "body TEST eval:html_test('html')"),
    /// hits `message` (written with "\n" line ends).
    static func hits(_ definition: String, _ message: String, settings: String = "") -> Bool {
        let compiled = CompiledRuleSet(RuleLoader().load(text: settings + "\n" + definition + "\nscore TEST 1\n"))
        let evaluation = RuleEvaluator(rules: compiled).evaluate(MailMessage(parsing: Array(message.utf8)))
        return evaluation.match(named: "TEST") != nil
    }

    /// `hits` for a message given as bytes (for headers that are not UTF-8).
    static func hits(_ definition: String, bytes message: [UInt8], settings: String = "") -> Bool {
        let evaluation = RuleEvaluator(rules: compiled(definition, settings: settings)).evaluate(MailMessage(parsing: message))
        return evaluation.match(named: "TEST") != nil
    }

    static func compiled(_ definition: String, settings: String = "") -> CompiledRuleSet {
        CompiledRuleSet(RuleLoader().load(text: settings + "\n" + definition + "\nscore TEST 1\n"))
    }

    /// A message with the given extra headers and a body of `type`.
    static func message(headers: String = "", type: String = "text/plain", encoding: String? = nil, body: String) -> String {
        var text = "From: Alice <alice@example.com>\nTo: bob@example.org\nSubject: hello there\nDate: Mon, 2 Sep 2002 10:00:00 +0000\n"
        text += "Message-ID: <1@example.com>\n"
        if !headers.isEmpty { text += headers + "\n" }
        text += "MIME-Version: 1.0\nContent-Type: \(type)\n"
        if let encoding { text += "Content-Transfer-Encoding: \(encoding)\n" }
        return text + "\n" + body
    }

    static func html(_ body: String, headers: String = "") -> String {
        message(headers: headers, type: "text/html; charset=us-ascii", body: body)
    }
}
