/// A value wrapped so an optional of an optional reads plainly (`Box<T?>?`: absent vs invalid).
struct Box<Value: Sendable>: Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
