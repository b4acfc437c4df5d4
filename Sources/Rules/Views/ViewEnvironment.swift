/// What building views needs from the configuration, prepared once (the URI regex over all
/// TLDs is compiled here) and shared by every message.
public struct ViewEnvironment: Sendable {
    public let options: ViewOptions
    let uriBuilder: URIListBuilder

    public init(options: ViewOptions) throws(RegexCompileError) {
        self.options = options
        uriBuilder = try URIListBuilder(options: options)
    }

    /// Default options (`ViewOptions.commonTLDs`).
    public static let standard: ViewEnvironment = {
        // The default TLDs are plain letters: this pattern always compiles.
        try! ViewEnvironment(options: .default)
    }()
}
