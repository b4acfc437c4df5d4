import Testing
@testable import VirusScan

/// libclamav exports internal helpers under plain names; an executable defining the same name
/// took them over when libclamav was linked normally (TOMLKit's C layer defines
/// `tableCreate`, which libclamav's mail parser calls: every message scan crashed).
@Suite struct SymbolInterpositionTests {
    @Test func scanningMailSurvivesAnotherLibraryDefiningTableCreate() throws {
        // The test bundle links TOMLKit (through ServerTests): with libclamav linked the usual
        // way, this scan crashed in tableFind.
        let mail = Array("""
            From: a@example.com\r
            To: b@example.com\r
            Subject: test\r
            MIME-Version: 1.0\r
            Content-Type: multipart/mixed; boundary="b"\r
            \r
            --b\r
            Content-Type: text/plain\r
            \r
            hello\r
            --b--\r

            """.utf8)
        #expect(TestSignatures.sharedEngine.scan(mail) == .clean)
    }
}
