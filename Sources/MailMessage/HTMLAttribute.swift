/// An attribute of the tag being read: its kind and where its value stands in the source
/// (an empty range when it has no value).
struct HTMLAttribute {
    let kind: HTMLAttributeKind
    let value: Range<Int>
}
