import Foundation
import Synchronization

/// What a pattern reader (`PatternLiteralParser`, `PatternGateParser`, `PatternProjection`) made
/// of large groups, by the group's text and the reader's state on entering it (`Context`), so
/// that a group read once is not read again: SpamAssassin's look-alike rules spell every letter
/// as the same group of hundreds of bytes, in hundreds of patterns. Shared by the patterns of one batch, on any
/// threads (two that miss the same group at once both read it, and agree).
///
/// Sound because a reader is deterministic and, while reading a group, looks at no byte past
/// the group's `)`: from the same state, the same group text reads to the same value, whatever
/// follows it. Only the nesting limit depends on where the group sits, hence `height`.
final class PatternGroupMemo<Context: Hashable & Sendable, Value: Sendable>: Sendable {
    struct Entry: Sendable {
        /// The group, `(` to `)`: a slice of the pattern it was read in, which it keeps.
        let text: ArraySlice<UInt8>
        let context: Context
        let value: Value
        /// How many levels of nesting reading it went below the depth it started at.
        let height: Int
        /// What the reader records on the side while reading the group (bits of its own).
        let effects: UInt32
    }

    /// Groups shorter than this are read again: looking them up would cost about as much.
    static var minimumLength: Int { 64 }

    private let entries = Mutex<[Int: [Entry]]>([:])

    /// The entry for the group starting at `start` in `pattern`, read from `context`.
    func entry(in pattern: [UInt8], at start: Int, context: Context) -> Entry? {
        guard pattern.count - start >= Self.minimumLength else { return nil }
        let key = Self.key(pattern, start, context)
        return entries.withLock { entries in
            entries[key]?.first { entry in entry.context == context && Self.holds(pattern, entry.text, at: start) }
        }
    }

    /// Whether `pattern` holds `text` at `start`.
    private static func holds(_ pattern: [UInt8], _ text: ArraySlice<UInt8>, at start: Int) -> Bool {
        guard text.count <= pattern.count - start else { return false }
        return pattern.withUnsafeBytes { whole in
            text.withUnsafeBytes { part in
                memcmp(whole.baseAddress! + start, part.baseAddress!, part.count) == 0
            }
        }
    }

    /// Keeps what reading `pattern[range]` (a group, `(` to `)`) from `context` gave, when the
    /// group is long enough to be worth it.
    func remember(_ value: Value, of pattern: [UInt8], range: Range<Int>, context: Context, height: Int, effects: UInt32) {
        guard range.count >= Self.minimumLength else { return }
        let entry = Entry(text: pattern[range], context: context, value: value, height: height, effects: effects)
        let key = Self.key(pattern, range.lowerBound, context)
        entries.withLock { $0[key, default: []].append(entry) }
    }

    /// Hashes the context and the group's first `minimumLength` bytes: enough to tell groups
    /// apart, and known before the group's end is.
    private static func key(_ pattern: [UInt8], _ start: Int, _ context: Context) -> Int {
        var hasher = Hasher()
        hasher.combine(context)
        pattern.withUnsafeBytes { bytes in hasher.combine(bytes: UnsafeRawBufferPointer(rebasing: bytes[start..<start + minimumLength])) }
        return hasher.finalize()
    }
}
