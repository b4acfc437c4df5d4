/// A file uuencoded inside a text body.
public struct UUEncodedFile: Sendable, Hashable {
    public let name: String
    public let mode: String
    public let bytes: [UInt8]

    public init(name: String, mode: String, bytes: [UInt8]) {
        self.name = name
        self.mode = mode
        self.bytes = bytes
    }
}

/// uuencode: finds "begin MODE NAME … end" blocks in text bodies and decodes them, and decodes
/// bodies sent as Content-Transfer-Encoding x-uuencode.
///
/// Tolerant the way real decoders are: line breaks LF or CRLF, backquote or space for zero, a
/// line shorter than its length byte says is padded with zeros (mailers strip trailing spaces),
/// a longer one is cut. A block ends at `end`, or without it (reported) at the first line that
/// cannot be uuencode.
public enum UUEncode {
    /// Every begin…end block whose `begin` line starts a line. Decoded bytes over all files stop
    /// at `limit` (`.decodedBytesExceeded`; the file cut there is kept).
    public static func findFiles(in text: ArraySlice<UInt8>, limit: Int) -> (files: [UUEncodedFile], defects: [DefectKind]) {
        text.withUnsafeBufferPointer { buffer in
            var files: [UUEncodedFile] = []
            var defects: [DefectKind] = []
            var remaining = max(0, limit)
            var position = 0
            while let begin = UUEncodeLines.beginLine(in: buffer, from: position) {
                let block = UUEncodeLines.decodeBlock(buffer, from: begin.next, limit: remaining, skipInvalidLines: false)
                position = block.next
                if block.truncated {
                    files.append(UUEncodedFile(name: begin.name, mode: begin.mode, bytes: block.bytes))
                    defects.append(.decodedBytesExceeded)
                    break
                }
                if !block.sawEnd, !defects.contains(.badUUEncode) { defects.append(.badUUEncode) }
                // A begin line followed by no uuencode at all is prose, not a file.
                guard block.sawEnd || !block.bytes.isEmpty else { continue }
                files.append(UUEncodedFile(name: begin.name, mode: begin.mode, bytes: block.bytes))
                remaining -= block.bytes.count
            }
            return (files, defects)
        }
    }

    /// Decodes a body sent as x-uuencode: the first begin…end block, or when there is no begin
    /// line, the body's lines as uuencode lines (lines that cannot be are skipped and reported).
    public static func decode(_ text: ArraySlice<UInt8>, limit: Int) -> (bytes: [UInt8], defects: [DefectKind], truncated: Bool) {
        text.withUnsafeBufferPointer { buffer in
            var defects: [DefectKind] = []
            let block: UUEncodeLines.Block
            if let begin = UUEncodeLines.beginLine(in: buffer, from: 0) {
                block = UUEncodeLines.decodeBlock(buffer, from: begin.next, limit: max(0, limit), skipInvalidLines: false)
                if !block.sawEnd, !block.truncated { defects.append(.badUUEncode) }
            } else {
                block = UUEncodeLines.decodeBlock(buffer, from: 0, limit: max(0, limit), skipInvalidLines: true)
                if block.skippedLines { defects.append(.badUUEncode) }
            }
            if block.truncated { defects.append(.decodedBytesExceeded) }
            return (block.bytes, defects, block.truncated)
        }
    }
}
