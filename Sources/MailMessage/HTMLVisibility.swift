/// How the text inside an element is shown: hidden outright, and in which colours.
struct HTMLVisibility {
    /// Hidden by the element or an ancestor (display:none, a tiny font, a frame's content…).
    var hidden: Bool
    var foreground: Int32
    var background: Int32
    /// The colour of links inside.
    var link: Int32
    /// Inside a table or row: the background its cells get (`HTMLColor.unknown` when the table
    /// gave none). A table's own background shows only in its cells: text misplaced between
    /// cells is drawn outside the table by browsers.
    var cellBackground: Int32 = HTMLColor.unknown

    /// Whether text here is not seen: hidden, or in the colour of its background.
    @inline(__always) var textHidden: Bool { hidden || HTMLColor.isInvisible(foreground, on: background) }

    /// Black text on white, shown.
    static let document = HTMLVisibility(hidden: false, foreground: HTMLColor.black, background: HTMLColor.white, link: HTMLColor.link)
}
