/// What `ExtractingVirusScanner.scan(_:filename:candidates:)` found.
public struct ExtractingScanResult: Sendable, Hashable {
    public let result: VirusScanResult
    /// One mark per candidate, in order: extracted and scanned by the engine's own parsers.
    /// All false unless `result` is `.clean` and the engine reports every limit it reaches.
    public let extracted: [Bool]

    public init(result: VirusScanResult, extracted: [Bool]) {
        self.result = result
        self.extracted = extracted
    }
}
