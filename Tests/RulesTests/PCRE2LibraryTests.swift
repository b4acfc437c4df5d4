import Testing
@testable import Rules

@Suite struct PCRE2LibraryTests {
    @Test func reportsVersionAndJIT() {
        #expect(PCRE2Library.version.hasPrefix("10."))
        #expect(PCRE2Library.hasJIT)
    }
}
