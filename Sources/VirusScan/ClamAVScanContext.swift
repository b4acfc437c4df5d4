import CClamAV
import Glibc

/// What libclamav's callbacks learn during one scan, passed to them as the scan's context
/// (a class, so that what the callbacks write through the C pointer is what the scan reads).
///
/// Two gaps in what `cl_scanmap_callback` returns are filled here:
/// - a top-level input over MaxFileSize comes back as CL_VIRUS with no name; the name
///   ("Heuristics.Limits.Exceeded.MaxFileSize") reaches only the virus-found callback;
/// - a file extracted from an archive is cut at MaxFileSize and the rest scanned as if whole,
///   with no alert even with AlertExceedsMax (a zip bomb passes as clean); the file
///   inspection callback sees the cut file, exactly MaxFileSize long. With limit alerts on, the
///   callback then blocks the file (CL_VIRUS), which ends the scan; libclamav would otherwise
///   cache the archive as clean, and the same bomb sent again would not be opened at all.
///
/// It also notes which of the `candidates` (swfilter's own decoded parts) libclamav's parsers
/// extracted byte for byte: the file inspection callback sees every extracted file whole,
/// just before libclamav scans it.
final class ClamAVScanContext {
    let maxFileSize: Int
    let alertExceedsMax: Bool
    var detectedName: String?
    var extractedFileCut = false
    let candidates: [[UInt8]]
    private(set) var extracted: [Bool]

    init(maxFileSize: Int, alertExceedsMax: Bool, candidates: [[UInt8]] = []) {
        self.maxFileSize = maxFileSize
        self.alertExceedsMax = alertExceedsMax
        self.candidates = candidates
        self.extracted = Array(repeating: false, count: candidates.count)
    }

    /// Marks every candidate equal to the extracted file: same length, same bytes (compared
    /// in full, never by hash, so no crafted collision can hide a part).
    func noteExtracted(_ file: UnsafeRawPointer, count: Int) {
        for index in candidates.indices where !extracted[index] && candidates[index].count == count {
            let equal = candidates[index].withUnsafeBytes { memcmp($0.baseAddress!, file, count) == 0 }
            if equal { extracted[index] = true }
        }
    }

    static let virusFound: clcb_virus_found = { _, name, context in
        guard let context, let name else { return }
        let scan = Unmanaged<ClamAVScanContext>.fromOpaque(context).takeUnretainedValue()
        if scan.detectedName == nil { scan.detectedName = String(cString: name) }
    }

    static let fileInspection: clcb_file_inspection = { _, _, _, _, _, size, buffer, level, _, context in
        guard let context, level > 0 else { return CL_CLEAN }
        let scan = Unmanaged<ClamAVScanContext>.fromOpaque(context).takeUnretainedValue()
        if size >= scan.maxFileSize {
            scan.extractedFileCut = true
            if scan.alertExceedsMax { return CL_VIRUS }
        }
        if let buffer, size > 0, !scan.candidates.isEmpty {
            scan.noteExtracted(UnsafeRawPointer(buffer), count: size)
        }
        return CL_CLEAN
    }
}
