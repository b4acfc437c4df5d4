import Testing
@testable import Rules

/// `captures(in:from:into:)` must report what `captures(in:from:)` reports, buffer reused.
@Suite struct CompiledRegexCaptureBufferTests {
    @Test func bufferedCapturesAgreeWithAllocatedOnes() throws {
        let patterns = [ReceivedLineParser.qmailHelo, ReceivedLineParser.nameBeforeIP, ReceivedLineParser.queueID,
                        ReceivedLineParser.trailingDate, ReceivedLineParser.envelopeSender,
                        try CompiledRegex(#"(a)|(b)(c)?"#), try CompiledRegex(#"x(y)?(z)?"#)]
        let pieces = ["from ", "mail.example.com", " (HELO ", "EHLO ", "x", ") ", "(", "[10.0.0.1]", "1.2.3.4", " by ", "mx.test",
                      " id ", "ABC123", "; ", "Mon, 1 Jan 2024 10:00:00 +0000", "user@", "a", "b", "c", "y", "z", " ", "envelope-from <q@r>"]
        var generator = SystemRandomNumberGenerator()
        var groups: [Range<Int>?] = []
        for _ in 0..<300 {
            let text = Array((0..<Int.random(in: 0...8, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined().utf8)
            let regex = patterns.randomElement(using: &generator)!
            let start = Int.random(in: 0...text.count, using: &generator)
            text.withUnsafeBufferPointer { buffer in
                let expected = regex.captures(in: buffer, from: start)
                let found = regex.captures(in: buffer, from: start, into: &groups)
                #expect(found == (expected != nil), "\(regex.pattern) on \(String(decoding: text, as: UTF8.self))")
                #expect(groups == (expected ?? []), "\(regex.pattern) on \(String(decoding: text, as: UTF8.self))")
            }
        }
    }
}
