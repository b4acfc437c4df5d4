import Testing
@testable import Server

@Suite struct ByteSizeTests {
    @Test(arguments: [
        ("0", 0), ("1048576", 1_048_576), ("1k", 1024), ("1K", 1024), ("64 KiB", 65536), ("2kb", 2048),
        ("50M", 52_428_800), ("64 MiB", 67_108_864), ("1mb", 1_048_576), ("1G", 1 << 30), ("1 GiB", 1 << 30),
        ("2T", 2 << 40), ("10b", 10), (" 7 M ", 7 << 20),
    ])
    func parsesUnits(text: String, bytes: Int) {
        #expect(ByteSize.parse(text) == .success(bytes))
    }

    @Test(arguments: ["", "M", "1.5M", "1 parsec", "1MM", "1 M B", "0x10", "ten", "1_000", "--1"])
    func refusesMalformed(text: String) {
        #expect(ByteSize.parse(text) == .failure(.malformed))
    }

    @Test func refusesNegative() {
        #expect(ByteSize.parse("-1") == .failure(.negative))
        #expect(ByteSize.parse("-5 MiB") == .failure(.negative))
    }

    @Test func refusesOverflow() {
        #expect(ByteSize.parse("99999999999999999999") == .failure(.tooLarge))
        #expect(ByteSize.parse("9000000000T") == .failure(.tooLarge))
    }

    @Test func literalUsesTheLargestExactUnit() {
        #expect(ByteSize.literal(50 << 20) == .string("50 MiB"))
        #expect(ByteSize.literal(1536) == .integer(1536))
        #expect(ByteSize.literal(3072) == .string("3 KiB"))
        #expect(ByteSize.literal(1 << 30) == .string("1 GiB"))
        #expect(ByteSize.literal(998) == .integer(998))
        #expect(ByteSize.literal(0) == .integer(0))
    }

    @Test(arguments: [1, 998, 1024, 1536, 50 << 20, (1 << 40) * 3, Int.max])
    func literalReadsBack(bytes: Int) {
        switch ByteSize.literal(bytes) {
        case .integer(let value): #expect(value == bytes)
        case .string(let text): #expect(ByteSize.parse(text) == .success(bytes))
        default: Issue.record("a size is written as an integer or a string")
        }
    }
}
