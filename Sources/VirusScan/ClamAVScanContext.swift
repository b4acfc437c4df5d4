import CClamAV

/// What libclamav's callbacks learn during one scan, passed to them as the scan's context.
///
/// Two gaps in what `cl_scanmap_callback` returns are filled here:
/// - a top-level input over MaxFileSize comes back as CL_VIRUS with no name; the name
///   ("Heuristics.Limits.Exceeded.MaxFileSize") reaches only the virus-found callback;
/// - a file extracted from an archive is cut at MaxFileSize and the rest scanned as if whole,
///   with no alert even with AlertExceedsMax (a zip bomb passes as clean); the file
///   inspection callback sees the cut file, exactly MaxFileSize long.
struct ClamAVScanContext {
    let maxFileSize: Int
    var detectedName: String?
    var extractedFileCut = false

    static let virusFound: clcb_virus_found = { _, name, context in
        guard let context, let name else { return }
        let scan = context.assumingMemoryBound(to: ClamAVScanContext.self)
        if scan.pointee.detectedName == nil { scan.pointee.detectedName = String(cString: name) }
    }

    static let fileInspection: clcb_file_inspection = { _, _, _, _, _, size, _, level, _, context in
        guard let context, level > 0 else { return CL_CLEAN }
        let scan = context.assumingMemoryBound(to: ClamAVScanContext.self)
        if size >= scan.pointee.maxFileSize { scan.pointee.extractedFileCut = true }
        return CL_CLEAN
    }
}
