import Testing
@testable import Rules

/// A tag's attributes keep source order and the first of a repeated name, as HTML::Parser does.
@Suite struct HTMLAttributesTests {
    @Test func startTagKeepsTheFirstOfARepeatedNameInSourceOrder() throws {
        let source = Array(#"<FONT Size=5 color="red" SIZE='1' face noshade color=blue>"#.utf8)
        let tag = try #require(HTMLTagReader.startTag(in: source, at: 0))
        #expect(tag.name == "font")
        #expect(tag.attributes.entries.map(\.name) == ["size", "color", "face", "noshade"])
        #expect(tag.attributes["size"] == Array("5".utf8))
        #expect(tag.attributes["color"] == Array("red".utf8))
        #expect(tag.attributes["face"] == Array("face".utf8))
        #expect(tag.attributes["missing"] == nil)
        #expect(tag.end == source.count)
    }

    @Test func aSizeBeforeAColourBoundsTheTagBySizeAlone() throws {
        // `<small>` leaves size 2 without recording it; `size` read first sets 4 before `color`
        // is read, so only 4 bounds the tag
        var styles = HTMLTextStyleStack()
        _ = styles.open("small", attributes: HTMLAttributes())
        let source = Array(#"<font size=4 color=red>"#.utf8)
        let tag = try #require(HTMLTagReader.startTag(in: source, at: 0))
        let opened = styles.open("font", attributes: tag.attributes)
        let bounds = try #require(opened)
        #expect(bounds.min == 4 && bounds.max == 4)
        var reversed = HTMLTextStyleStack()
        _ = reversed.open("small", attributes: HTMLAttributes())
        let other = try #require(HTMLTagReader.startTag(in: Array(#"<font color=red size=4>"#.utf8), at: 0))
        let reversedOpened = reversed.open("font", attributes: other.attributes)
        let otherBounds = try #require(reversedOpened)
        #expect(otherBounds.min == 2 && otherBounds.max == 4)
    }
}
