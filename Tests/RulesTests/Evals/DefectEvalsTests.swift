import Testing
@testable import Rules

@Suite struct DefectEvalsTests {
    private let unclosed = """
        From: a@example.com
        Subject: x
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary="B"

        --B
        Content-Type: text/plain

        body without a closing boundary

        """

    @Test func defectKindHits() {
        #expect(EvalHarness.hits("body TEST eval:check_mime_defect('unclosed_boundary')", unclosed))
        #expect(!EvalHarness.hits("body TEST eval:check_mime_defect('unclosed_boundary')", EvalHarness.message(body: "fine\n")))
        #expect(EvalHarness.hits("body TEST eval:check_mime_defect_count('unclosed_boundary', 1, 1)", unclosed))
        #expect(!EvalHarness.hits("body TEST eval:check_mime_defect_count('unclosed_boundary', 2)", unclosed))
        #expect(EvalHarness.hits("body TEST eval:check_mime_defect_any()", unclosed))
    }

    @Test func unknownDefectKindIsReportedAtLoad() {
        let compiled = EvalHarness.compiled("body TEST eval:check_mime_defect('no_such_defect')")
        #expect(compiled.unsupportedRules.map(\.rule) == ["TEST"])
        #expect(compiled.unsupportedRules.first?.reason.contains("no_such_defect") == true)
    }
}
