import Testing
@testable import Rules

@Suite struct UTF8RepairTests {
    @Test func repairGivesWhatAStringWouldHold() {
        // lead bytes, continuation bytes, overlong and surrogate starts, ASCII
        let alphabet: [UInt8] = [0x41, 0x20, 0x0A, 0x7F, 0x80, 0x8F, 0xA0, 0xBF, 0xC0, 0xC2, 0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF]
        var generator = SystemRandomNumberGenerator()
        var samples: [[UInt8]] = [[], Array("plain".utf8), Array("caf\u{E9} \u{1F600}".utf8), Array("12345678abcdefgh\u{E9}".utf8)]
        for _ in 0..<400 {
            samples.append((0..<Int.random(in: 0...20, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
        }
        var repairedSome = false
        for bytes in samples {
            let expected = Array(String(decoding: bytes, as: UTF8.self).utf8)
            #expect(UTF8Repair.repaired(bytes) == expected, "\(bytes)")
            #expect(UTF8Repair.isASCII(bytes) == bytes.allSatisfy { $0 < 0x80 }, "\(bytes)")
            // a buffer starting one byte in: the words are read unaligned
            let tailIsASCII = bytes.withUnsafeBufferPointer { UTF8Repair.isASCII(UnsafeBufferPointer(rebasing: $0.dropFirst())) }
            #expect(tailIsASCII == bytes.dropFirst().allSatisfy { $0 < 0x80 }, "\(bytes)")
            if expected != bytes { repairedSome = true }
        }
        #expect(repairedSome)
    }
}
