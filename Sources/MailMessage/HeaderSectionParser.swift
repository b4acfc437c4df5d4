/// Reads one header section (a message's or a MIME part's) from a buffer: fields with their raw
/// bytes, where the body starts, and what was wrong on the way.
struct HeaderSectionParser {
    let limits: MessageLimits
    let mode: LineEnding

    struct Output {
        var section: HeaderSection
        /// Offset of the blank line that ends the section, or of the body's first byte when the
        /// section ended some other way (a line that is not a header, a limit, the end of input).
        var headerEnd: Int
        var bodyStart: Int
        var defects: [DefectKind]
    }

    /// Room for the fields of a usual message header, made before reading it.
    static let initialFieldCapacity = 32

    func parse(_ base: [UInt8], range: Range<Int>) -> Output {
        base.withUnsafeBufferPointer { buffer in
            parse(base, buffer: buffer, range: range)
        }
    }

    private func parse(_ base: [UInt8], buffer: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> Output {
        let cutter = LineCutter(buffer: buffer, mode: mode)
        let end = range.upperBound
        var fields: [HeaderField] = []
        // Growing from empty cost five reallocations for a usual message header.
        fields.reserveCapacity(max(0, min(Self.initialFieldCapacity, limits.maxHeaderFields)))
        var defects: [DefectKind] = []
        var position = range.lowerBound
        // The field being read: where it starts, where its name ends, where its value starts and ends.
        var current: (start: Int, nameEnd: Int, valueStart: Int, contentEnd: Int, next: Int)?
        var sawEightBit = false, sawLongLine = false, sawInvalidUTF8 = false
        var fieldsDropped = false
        var headerEnd = end, bodyStart = end

        func finish(_ field: (start: Int, nameEnd: Int, valueStart: Int, contentEnd: Int, next: Int)) {
            guard fields.count < limits.maxHeaderFields else {
                if !fieldsDropped { defects.append(.headerFieldsExceeded); fieldsDropped = true }
                return
            }
            var nameEnd = field.nameEnd
            while nameEnd > field.start, buffer[nameEnd - 1] == 0x20 || buffer[nameEnd - 1] == 0x09 { nameEnd -= 1 }
            let name = CommonHeaderNames.name(UnsafeBufferPointer(rebasing: buffer[field.start..<nameEnd]))
            fields.append(HeaderField(name: name, raw: base[field.start..<field.next], rawValue: base[field.valueStart..<field.contentEnd]))
        }

        func noteEightBit(_ start: Int, _ end: Int) {
            guard CharsetConverter.firstNonASCII(in: UnsafeBufferPointer(rebasing: buffer[start..<end])) != nil else { return }
            sawEightBit = true
            if !sawInvalidUTF8, String(validating: UnsafeBufferPointer(rebasing: buffer[start..<end]), as: UTF8.self) == nil {
                sawInvalidUTF8 = true
            }
        }

        while position < end {
            let (contentEnd, next) = cutter.line(from: position, end: end)
            if contentEnd == position {  // the blank line
                headerEnd = position
                bodyStart = next
                break
            }
            if contentEnd - position > limits.maxLineLength { sawLongLine = true }
            // A header line that would carry the section past its limit starts the body instead.
            let overLimit = contentEnd - range.lowerBound > limits.maxHeaderBytes
            let first = buffer[position]
            if first == 0x20 || first == 0x09 {
                if overLimit {
                    defects.append(.headerBytesExceeded)
                    headerEnd = position
                    bodyStart = position
                    break
                }
                noteEightBit(position, contentEnd)
                if current != nil {
                    current!.contentEnd = contentEnd
                    current!.next = next
                } else {
                    defects.append(.leadingContinuationLine)
                }
                position = next
                continue
            }
            current.map(finish)
            current = nil
            guard let colon = ByteScan.first(UInt8(ascii: ":"), in: buffer, from: position, to: contentEnd),
                  colon > position, isFieldName(buffer, from: position, to: colon)
            else {
                // Not a header line: the header section ends here and this line starts the body.
                defects.append(.headerWithoutColon)
                headerEnd = position
                bodyStart = position
                break
            }
            if overLimit {
                defects.append(.headerBytesExceeded)
                headerEnd = position
                bodyStart = position
                break
            }
            noteEightBit(position, contentEnd)
            current = (position, colon, colon + 1, contentEnd, next)
            position = next
        }
        current.map(finish)
        if sawEightBit { defects.append(.headerEightBit) }
        if sawInvalidUTF8 { defects.append(.invalidUTF8) }
        if sawLongLine { defects.append(.lineTooLong) }
        let section = HeaderSection(fields: fields, raw: base[range.lowerBound..<max(range.lowerBound, headerEnd)])
        return Output(section: section, headerEnd: headerEnd, bodyStart: bodyStart, defects: defects)
    }

    /// A field name is printable US-ASCII without white space inside; white space before the
    /// colon is tolerated (as every mail reader does) and trimmed.
    private func isFieldName(_ buffer: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Bool {
        var end = to
        while end > from, buffer[end - 1] == 0x20 || buffer[end - 1] == 0x09 { end -= 1 }
        guard end > from else { return false }
        for offset in from..<end {
            let byte = buffer[offset]
            if byte <= 0x20 || byte >= 0x7F { return false }
        }
        return true
    }
}
