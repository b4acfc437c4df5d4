/// A scanner with parsers of its own (libclamav's mail, archive and document parsers) that can
/// say which given byte strings it extracted, byte for byte, from what it scanned, and scanned
/// as files of their own. `VirusAnalyzer` hands it the raw message with its own decoded parts
/// as candidates, and does not scan again a part the engine has already scanned whole and clean
/// inside the message. Only an in-process engine can tell; clamd cannot.
public protocol ExtractingVirusScanner: VirusScanner {
    /// Scans `bytes` as `scan(_:filename:)` does; `extracted[i]` says whether `candidates[i]`
    /// was among the files the engine extracted and scanned. The marks mean "scanned in full"
    /// only when the result is `.clean`: a limit, a detection or an error ends or cuts scans.
    func scan(_ bytes: UnsafeRawBufferPointer, filename: String?, candidates: [[UInt8]]) -> ExtractingScanResult
}
