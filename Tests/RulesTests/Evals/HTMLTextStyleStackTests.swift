import Testing
@testable import Rules

@Suite struct HTMLTextStyleStackTests {
    private func fields(_ style: HTMLTextStyleStack.Style) -> [String] {
        [style.foreground, style.background, "\(style.size)", style.display ?? "-", style.visibility ?? "-"]
    }

    /// A `style` attribute that `mayDeclareStyle` rules out changes nothing when its
    /// declarations are applied, so skipping them is exact; non-ASCII text is always applied
    /// (the Kelvin sign lower-cases to "k").
    @Test func cssRuledOutByTheByteCheckSetsNothing() {
        let pieces = ["color", "Color", "COLOR", "colr", "background", "BackGround", "backgroun", "background-color", "display", "Display",
                      "visibility", "visib", "font-size", "margin", ":", ";", " ", "\t", "red", "#fff", "none", "hidden", "inherit",
                      "transparent", "rgb(1,2,3)", "!important", "\u{212A}", "\u{E9}", "x"]
        var generator = SystemRandomNumberGenerator()
        var ruledOut = 0, applied = 0
        for _ in 0..<4000 {
            let css = (0..<Int.random(in: 1...10, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let bytes = Array(css.utf8)[...]
            var style = HTMLTextStyleStack.Style(tag: 0, foreground: "#123456", background: "#abcdef", size: 3)
            let before = fields(style)
            HTMLTextStyleStack.applyDeclarations(css, to: &style)
            if HTMLTextStyleStack.mayDeclareStyle(bytes) {
                applied += 1
            } else {
                ruledOut += 1
                #expect(fields(style) == before, "\(css)")
            }
        }
        #expect(ruledOut > 500 && applied > 500)
        var kelvin = HTMLTextStyleStack.Style(tag: 0, foreground: "#123456", background: "#abcdef", size: 3)
        HTMLTextStyleStack.applyDeclarations("bac\u{212A}ground: red", to: &kelvin)
        #expect(kelvin.background != "#abcdef")
        #expect(HTMLTextStyleStack.mayDeclareStyle(Array("bac\u{212A}ground: red".utf8)[...]))
        #expect(!HTMLTextStyleStack.mayDeclareStyle(Array("font-size: 12px; margin: 0".utf8)[...]))
    }
}
