import Testing
@testable import Rules

@Suite struct HeaderRequestTests {
    @Test func parsesNameAndModifiers() {
        let request = HeaderRequest(parsing: "From:addr:first")
        #expect(request.name == "From")
        #expect(request.addresses && request.firstOnly && !request.raw)
        #expect(request.description == "From:addr:first")
        #expect(HeaderRequest(parsing: "Subject:raw").raw)
        #expect(HeaderRequest(parsing: "ALL").name == "ALL")
    }

    @Test func reportsModifiersItDoesNotImplement() {
        #expect(HeaderRequest(parsing: "From:addr:host").unsupported == ["host"])
        #expect(HeaderRequest(parsing: "X-Originating-IP:ip").unsupported == ["ip"])
    }
}
