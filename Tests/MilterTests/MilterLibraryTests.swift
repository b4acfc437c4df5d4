import Testing
@testable import Milter

@Suite struct MilterLibraryTests {
    @Test func reportsLibmilterVersion() {
        let parts = MilterLibrary.version.split(separator: ".").compactMap { Int($0) }
        #expect(parts.count == 3)
        #expect(parts[0] >= 1)
    }
}
