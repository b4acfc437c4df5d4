import Testing
@testable import Rules

/// `LiteralSet` and `Literal`, the literal analysis' sets: they must behave as sets of byte
/// strings (equal contents are equal sets, whatever the order they were built in).
@Suite struct LiteralSetTests {
    private func set(_ strings: [String]) -> LiteralSet {
        LiteralSet(strings.map { Literal(Array($0.utf8))! })
    }

    private func strings(_ set: LiteralSet?) -> [String]? {
        set?.sortedBytes.map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func equalContentsAreEqualSets() {
        #expect(set(["b", "abc", "a", "b"]) == set(["abc", "a", "b"]))
        #expect(set(["ab"]) != set(["ba"]))
        #expect(set(["b", "abc", "a", "b"]).count == 3)
        #expect(set([""]).isEmptyStringOnly && !set(["", "a"]).isEmptyStringOnly)
        #expect(set(["abcd", "xy", "pqr"]).shortest == 2 && LiteralSet.nothing.shortest == nil)
    }

    @Test func unionMergesAndHonoursItsLimit() {
        let union = set(["x", "abc", "q"]).union(set(["abc", "zz", ""]))
        #expect(strings(union) == ["", "abc", "q", "x", "zz"])
        #expect(set(["a", "b"]).union(set(["c"]), limit: 2) == nil)
        #expect(set(["a", "b"]).union(set(["b"]), limit: 2) == set(["a", "b"]))
    }

    @Test func productJoinsEveryPairOrGivesUp() {
        let joined = LiteralSet.product(set(["a", "ab"]), set(["b", ""]), maxPairs: 24, maxLength: 48)
        #expect(strings(joined) == ["a", "ab", "abb"])
        #expect(LiteralSet.product(set(["a", "b", "c"]), set(["x", "y"]), maxPairs: 5, maxLength: 48) == nil)
        let long = String(repeating: "k", count: 30)
        #expect(LiteralSet.product(set([long]), set([long]), maxPairs: 24, maxLength: 48) == nil)
        #expect(strings(LiteralSet.product(set([long]), set(["tail"]), maxPairs: 24, maxLength: 48)) == [long + "tail"])
    }

    @Test func literalsKeepTheirBytes() throws {
        let bytes: [UInt8] = [0, 255, 7, 0x41] + Array(repeating: 9, count: 44)
        let literal = try #require(Literal(bytes))
        #expect(literal.bytes == bytes && literal.count == 48)
        #expect(Literal(bytes + [1]) == nil)
        #expect(Literal(byte: 0x7A).bytes == [0x7A])
        #expect(try #require(Literal(Array("ab".utf8))).followed(by: Literal(byte: 0x63), limit: 48)?.bytes == Array("abc".utf8))
    }
}
