/// RFC 3986 percent-escapes: each "%XX" replaced by the byte it stands for; a "%" without two
/// hex digits after it stays as it is, as browsers leave it.
public enum PercentDecoding {
    public static func decoded<Bytes: RandomAccessCollection>(_ bytes: Bytes) -> [UInt8] where Bytes.Element == UInt8, Bytes.Index == Int {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.endIndex,
               let high = TransferDecoder.hexValue(bytes[index + 1]), let low = TransferDecoder.hexValue(bytes[index + 2]) {
                result.append(high << 4 | low)
                index += 3
            } else {
                result.append(bytes[index])
                index += 1
            }
        }
        return result
    }
}
