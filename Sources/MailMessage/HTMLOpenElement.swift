/// An element on the renderer's stack of open elements, with the visibility of its content.
struct HTMLOpenElement {
    /// The element's raw value for known elements; for unknown ones a hash of the lower-case
    /// name with the top bit set.
    let key: UInt64
    let element: HTMLElement?
    let visibility: HTMLVisibility
    /// Whether text inside is hidden (cached from `visibility`).
    let textHidden: Bool

    init(key: UInt64, element: HTMLElement?, visibility: HTMLVisibility) {
        self.key = key
        self.element = element
        self.visibility = visibility
        self.textHidden = visibility.textHidden
    }
}
