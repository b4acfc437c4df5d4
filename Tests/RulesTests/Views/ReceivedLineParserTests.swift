import Foundation
import Testing
@testable import Rules

@Suite struct ReceivedLineParserTests {
    /// The parser's literal search answers as Foundation's `range(of:)` does, by bytes for ASCII
    /// text and by characters otherwise.
    @Test func literalSearchAgreesWithFoundation() {
        let texts = ["from a by b with Exim 4", "from a (by b)", "Exim", "", "from caf\u{E9} by x", "xE\u{301}xim by ", " by"]
        for text in texts {
            for needle: StaticString in [" by ", "Exim"] {
                let offsets = { (range: Range<String.Index>?) in
                    range.map { [text.utf8.distance(from: text.startIndex, to: $0.lowerBound), text.utf8.distance(from: text.startIndex, to: $0.upperBound)] }
                }
                #expect(offsets(ReceivedLineParser.firstRange(of: needle, in: text)) == offsets(text.range(of: needle.description)), "\(text) \(needle)")
            }
        }
    }
}
