import Testing
@testable import Rules

@Suite struct HTMLStatisticsScannerTests {
    /// Copying the bytes between white-space runs whole gives the byte-by-byte collapse.
    @Test func collapsedSpaceCopiedByRunsGivesTheByteByByteResult() {
        let alphabet: [UInt8] = [0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x61, 0x62, 0x00, 0xC2, 0xA0, 0x2E]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 0...14, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            let prefix: [UInt8] = Bool.random(using: &generator) ? [0x78] : []
            var reference = prefix, inSpace = false
            for byte in text {
                if ASCII.isPerlSpace(byte) {
                    inSpace = true
                    continue
                }
                if inSpace { reference.append(0x20) }
                inSpace = false
                reference.append(byte)
            }
            if inSpace { reference.append(0x20) }
            var output = prefix
            HTMLStatisticsScanner.appendCollapsingSpace(([0x41] + text)[1...], to: &output)
            #expect(output == reference, "\(text)")
        }
    }
}
