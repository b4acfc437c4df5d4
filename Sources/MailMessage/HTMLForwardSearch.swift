/// A forward search that remembers its last answer, so that asking again from any offset up to
/// that answer costs nothing. Every byte is searched at most once while the offsets asked for
/// only grow, which keeps the renderer linear on markup that never closes (`<<<<…`,
/// `<!--<!--…`, `<a b="` repeated).
struct HTMLForwardSearch {
    enum Target {
        case byte(UInt8)
        case sequence(StaticString)
        /// `</name` in any case (`name` written in lower case), followed by white space, `/`,
        /// `>` or the end.
        case endTag(StaticString)
    }

    let target: Target
    private var searchedFrom = Int.max
    /// The first match at or after `searchedFrom`, or the buffer's end when there is none.
    private var hit = 0

    init(_ target: Target) { self.target = target }

    /// The offset of the first match at or after `start`, or nil.
    @inline(__always)
    mutating func next(in buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        if start < searchedFrom || start > hit {
            searchedFrom = start
            hit = find(in: buffer, from: start) ?? buffer.count
        }
        return hit < buffer.count ? hit : nil
    }

    private func find(in buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        switch target {
        case .byte(let byte):
            return ByteScan.first(byte, in: buffer, from: start, to: buffer.count)
        case .sequence(let needle):
            return needle.withUTF8Buffer { ByteScan.first($0, in: buffer, from: start, to: buffer.count) }
        case .endTag(let tagName):
            let name = UnsafeBufferPointer(start: tagName.utf8Start, count: tagName.utf8CodeUnitCount)
            var position = start
            while let open = ByteScan.first(UInt8(ascii: "<"), in: buffer, from: position, to: buffer.count) {
                let nameStart = open + 2, nameEnd = open + 2 + name.count
                if nameEnd <= buffer.count, buffer[open + 1] == UInt8(ascii: "/"),
                   name.indices.allSatisfy({ HeaderText.lowerASCII(buffer[nameStart + $0]) == name[$0] }),
                   nameEnd == buffer.count || buffer[nameEnd] <= 0x20 || buffer[nameEnd] == UInt8(ascii: "/") || buffer[nameEnd] == UInt8(ascii: ">") {
                    return open
                }
                position = open + 1
            }
            return nil
        }
    }
}
