/// Renders HTML to the plain text rules and tokens read, in one pass over its UTF-8 bytes, the
/// way SpamAssassin's HTML handling feeds its rules and Bayes tokenizer:
///
/// - Tags are dropped. Block elements (p, div, br, tr, li, h1–h6, table, blockquote, hr,
///   title…) put line or paragraph breaks into the text, table cells and images a space,
///   inline and unknown elements nothing (`V<b></b>iagra` renders as `Viagra`).
/// - `<script>` and `<style>` bodies, comments, `<!DOCTYPE>`, processing instructions and CDATA
///   sections are dropped.
/// - Character references are decoded (`HTMLEntities`); no-break and other Unicode spaces are
///   white space; soft hyphens and zero-width characters are removed (and counted).
/// - White space runs collapse to one space, except inside `<pre>`.
/// - `<img alt>` text is rendered in place of the image.
/// - Text hidden by inline styles (display:none, visibility:hidden, opacity:0, font-size 0 or
///   1px, zero height with overflow hidden), by the `hidden` attribute, inside frames, or written
///   in the colour of its background (`<font color=#ffffff>` on a white page, white on white
///   table cells) is in `text` and `hints.hiddenText` but not in `visibleText`. Style sheets
///   are not applied.
/// - Broken markup never loses text: a `<` that starts no complete tag is text, a comment
///   without `-->` ends at the first `>`, a quote left open ends at the tag's `>`, and a script
///   or style element never closed renders the rest as hidden text.
///
/// URIs: link attributes (href, src, action, background, data, cite, longdesc, poster,
/// formaction, and a meta refresh URL) as described by `HTMLLinkResolver`, and URIs in the
/// rendered text as found by `URIExtractor`, merged in document order without repeats.
public enum HTMLRenderer {
    /// How many named character references the renderer knows (HTML 4's set and `apos`).
    public static var namedReferenceCount: Int { HTMLEntities.count }

    public static func render(_ html: String) -> RenderedHTML {
        var html = html
        return html.withUTF8 { render(bytes: $0) }
    }

    public static func render(bytes: [UInt8]) -> RenderedHTML {
        bytes.withUnsafeBufferPointer { render(bytes: $0) }
    }

    /// Renders UTF-8 bytes; invalid sequences end up as U+FFFD in the strings.
    public static func render(bytes: UnsafeBufferPointer<UInt8>) -> RenderedHTML {
        guard let base = bytes.baseAddress, !bytes.isEmpty else {
            return RenderedHTML(text: "", visibleText: "", title: nil, uris: [], anchors: [], hints: HTMLHints())
        }
        return HTMLScanner.classTable.withUnsafeBufferPointer { classes in
            HTMLElement.slots.withUnsafeBufferPointer { slots in
                var scanner = HTMLScanner(bytes, classes: classes.baseAddress!, elementSlots: slots.baseAddress!, base: base)
                scanner.run()
                return scanner.finish()
            }
        }
    }
}
