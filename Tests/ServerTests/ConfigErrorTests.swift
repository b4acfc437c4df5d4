import Testing
@testable import Server

@Suite struct ConfigErrorTests {
    @Test func descriptionIsOneProblemPerLinePostfixStyle() {
        let error = ConfigError(problems: [
            ConfigProblem(file: "a.toml", line: 3, key: "policy.required_score", message: "bad"),
            ConfigProblem(file: "a.toml", line: nil, key: "", message: "cannot read: Permission denied"),
            ConfigProblem(file: "a.toml", line: 9, key: "", message: "TOML syntax error"),
        ])
        #expect(error.description == """
            a.toml:3: policy.required_score: bad
            a.toml: cannot read: Permission denied
            a.toml:9: TOML syntax error
            """)
    }
}
