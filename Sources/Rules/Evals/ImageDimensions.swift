/// Width and height read from the first bytes of a GIF, PNG or JPEG image, as ImageInfo does.
enum ImageDimensions {
    static func size(of data: [UInt8], type: String) -> (width: Int, height: Int)? {
        switch type {
        case "gif": gif(data)
        case "png": png(data)
        case "jpeg": jpeg(data)
        default: nil
        }
    }

    private static func gif(_ data: [UInt8]) -> (width: Int, height: Int)? {
        guard data.count >= 10, data.starts(with: "GIF8".utf8), data[4] == UInt8(ascii: "7") || data[4] == UInt8(ascii: "9"),
              data[5] == UInt8(ascii: "a") else { return nil }
        return (Int(data[6]) | Int(data[7]) << 8, Int(data[8]) | Int(data[9]) << 8)
    }

    private static func png(_ data: [UInt8]) -> (width: Int, height: Int)? {
        guard data.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) else { return nil }
        var position = 8
        while position + 8 <= data.count {
            let length = bigEndian(data, at: position, count: 4)
            let type = data[(position + 4)..<(position + 8)]
            position += 8
            if type.elementsEqual("IEND".utf8) { break }
            guard type.elementsEqual("IHDR".utf8), length == 13 else { continue }
            guard position + 8 <= data.count else { return nil }
            return (bigEndian(data, at: position, count: 4), bigEndian(data, at: position + 4, count: 4))
        }
        return nil
    }

    private static func jpeg(_ data: [UInt8]) -> (width: Int, height: Int)? {
        guard data.count >= 2, data[0] == 0xFF, data[1] == 0xD8 else { return nil }
        var position = 2
        while position + 4 <= data.count {
            guard data[position] == 0xFF else { return nil }
            let marker = data[position + 1]
            guard marker != 0xDA, marker != 0xD9 else { return nil }
            let length = bigEndian(data, at: position + 2, count: 2)
            guard length >= 2 else { return nil }
            position += 4
            let frame = (0xC0...0xC3).contains(marker) || (0xC5...0xC7).contains(marker) || (0xC9...0xCB).contains(marker) || (0xCD...0xCF).contains(marker)
            if frame {
                guard position + 5 <= data.count else { return nil }
                return (bigEndian(data, at: position + 3, count: 2), bigEndian(data, at: position + 1, count: 2))
            }
            position += min(length - 2, data.count - position)
        }
        return nil
    }

    private static func bigEndian(_ data: [UInt8], at position: Int, count: Int) -> Int {
        (0..<count).reduce(0) { $0 << 8 | Int(data[position + $1]) }
    }
}
