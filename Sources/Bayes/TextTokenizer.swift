import MailMessage

/// Splits decoded text into word tokens.
///
/// A word is a run of letters and digits (any script that separates words with spaces), joined
/// across single `'`, `-`, `.` or `_` characters ("don't", "e-mail", "example.com", "3.14"), and
/// may start with `$` before a digit ("$500"). Words are lower-cased. Words shorter than the
/// minimum are dropped; longer than the maximum become `skip:` tokens naming their first
/// character's class and length bucket, since spam pads with random strings. Scripts without
/// spaces (Han, kana, Hangul, Thai…) give overlapping character pairs. URLs are cut out and split
/// into their parts by `URLTokenizer`. Words written in capitals also keep their case (`C:`), and
/// adjacent words within a sentence make pairs (`b:`). Chunks with punctuation that words drop
/// ("free!!", "100%") are tokens of their own (`w:`).
struct TextTokenizer {
    let options: TokenizerOptions
    private let plainOptions: TokenizerOptions

    init(options: TokenizerOptions) {
        self.options = options
        var plain = options
        plain.wordPairs = false
        plain.capitalsTokens = false
        plainOptions = plain
    }

    static let skip = TokenPrefix("skip:")
    static let caseKept = TokenPrefix("C:")
    static let pair = TokenPrefix("b:")
    static let script = TokenPrefix("script:")

    /// Tokenizes `text`, with `prefix` before every word (none for the body, "s:" for Subject).
    /// `plain` leaves out the pair and capitals tokens, and `maxWords` stops after that many
    /// words: for header fields, whose words are few and tell less than body text.
    func tokenize(_ text: UnsafeBufferPointer<UInt8>, prefix: TokenPrefix, into sink: inout TokenSink, findURLs: Bool = true,
                  plain: Bool = false, maxWords: Int = .max) {
        Self.withPlainApostrophes(text) { words($0, prefix: prefix, into: &sink, findURLs: findURLs, plain: plain, maxWords: maxWords) }
    }

    /// A body text's words and its punctuated chunks (`punctuatedTokens`), its apostrophes
    /// made plain once for both.
    func tokenizeBody(_ text: UnsafeBufferPointer<UInt8>, into sink: inout TokenSink) {
        Self.withPlainApostrophes(text) { plainText in
            words(plainText, prefix: .none, into: &sink, findURLs: true, plain: false, maxWords: .max)
            punctuatedTokens(plainText, into: &sink)
        }
    }

    /// `tokenize` for a text whose apostrophes are plain already.
    private func words(_ text: UnsafeBufferPointer<UInt8>, prefix: TokenPrefix, into sink: inout TokenSink, findURLs: Bool,
                       plain: Bool, maxWords: Int) {
        let options = plain ? plainOptions : self.options
        let prefixes = Prefixes(prefix, options: options)
        var words = 0
        var index = 0
        let count = text.count
        var pair = PairState()
        var scratch: [UInt8] = []
        while index < count, !sink.isFull, words < maxWords {
            let byte = text[index]
            if byte < 0x80 {
                if ByteClass.isAlnum(byte) || (byte == UInt8(ascii: "$") && index + 1 < count && ByteClass.isDigit(text[index + 1])) {
                    if findURLs, let end = URLTokenizer.urlEnd(in: text, at: index) {
                        URLTokenizer.tokenize(UnsafeBufferPointer(rebasing: text[index..<end]), into: &sink)
                        index = end
                        pair = PairState()
                        continue
                    }
                    let word = wordEnd(in: text, from: index)
                    if let letter = word.firstNonASCII { sink.emit(Self.script, ByteClass.scriptName(letter)) }
                    if emitWord(text, index..<word.end, word, prefixes, options: options, pair: &pair, scratch: &scratch, into: &sink) { words += 1 }
                    index = word.end
                } else {
                    if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?") || byte == 0x0A { pair = PairState() }
                    if byte == 0x0A { sink.mark(.lineEnd) }
                    index += 1
                }
                continue
            }
            guard let (scalar, length) = ByteClass.scalar(in: text, at: index) else {
                index += 1
                continue
            }
            if ByteClass.denseScript(scalar) != nil {
                index = emitDenseRun(text, from: index, prefix: prefix, into: &sink)
                pair = PairState()
            } else if ByteClass.isWordScalar(scalar) {
                sink.emit(Self.script, ByteClass.scriptName(scalar))
                let word = wordEnd(in: text, from: index)
                if emitWord(text, index..<word.end, word, prefixes, options: options, pair: &pair, scratch: &scratch, into: &sink) { words += 1 }
                index = word.end
            } else {
                index += length
            }
        }
    }

    static let punctuated = TokenPrefix("w:")

    /// Whitespace-separated chunks that keep punctuation inside and at the end ("free!!",
    /// "100%", "$19.99"), lower-cased, when they hold something a word token drops.
    private func punctuatedTokens(_ text: UnsafeBufferPointer<UInt8>, into sink: inout TokenSink) {
        var index = 0
        while index < text.count, !sink.isFull {
            while index < text.count, ByteClass.isSpace(text[index]) { index += 1 }
            var start = index
            while index < text.count, !ByteClass.isSpace(text[index]) { index += 1 }
            var end = index
            func trimmable(_ byte: UInt8) -> Bool {
                byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || byte == UInt8(ascii: "(") || byte == UInt8(ascii: ")")
                    || byte == UInt8(ascii: ",") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: ";")
                    || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
            }
            while start < end, trimmable(text[start]) { start += 1 }
            while end > start, trimmable(text[end - 1]) { end -= 1 }
            let length = end - start
            guard length >= 3, length <= 20 else { continue }
            let chunk = UnsafeBufferPointer(rebasing: text[start..<end])
            let marked = chunk.contains { byte in
                byte < 0x80 && !ByteClass.isAlnum(byte) && byte != UInt8(ascii: "-") && byte != UInt8(ascii: "'") && byte != UInt8(ascii: ".") && byte != UInt8(ascii: "_")
            }
            if marked { sink.emit(Self.punctuated, lowering: chunk) }
        }
    }

    /// Calls `body` with `text`, each right single quotation mark in it (U+2019, the apostrophe
    /// word processors type, Windows-1252 0x92) made a plain "'", so that "don’t" is the word
    /// "don't" and not "don" and "t"; with `text` itself when it holds none.
    private static func withPlainApostrophes(_ text: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        guard let copy = plainApostrophes(text) else { return body(text) }
        copy.withUnsafeBufferPointer(body)
    }

    /// `text` with its right single quotation marks made plain "'"; nil when there is none.
    private static func plainApostrophes(_ text: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        rightSingleQuotationMark.withUnsafeBufferPointer { mark -> [UInt8]? in
            guard var found = ByteScan.first(mark, in: text, from: 0, to: text.count) else { return nil }
            var result: [UInt8] = []
            result.reserveCapacity(text.count)
            var copied = 0
            while true {
                result.append(contentsOf: UnsafeBufferPointer(rebasing: text[copied..<found]))
                result.append(UInt8(ascii: "'"))
                copied = found + mark.count
                guard let next = ByteScan.first(mark, in: text, from: copied, to: text.count) else { break }
                found = next
            }
            result.append(contentsOf: UnsafeBufferPointer(rebasing: text[copied...]))
            return result
        }
    }

    /// U+2019 in UTF-8.
    private static let rightSingleQuotationMark: [UInt8] = [0xE2, 0x80, 0x99]

    struct Word {
        var end: Int
        var characters = 0
        var digits = 0
        var hasUpper = false
        var hasLower = false
        var hasNonASCII = false
        /// The first letter past ASCII, for the message's script token.
        var firstNonASCII: Unicode.Scalar?
        var firstClass: UInt8 = UInt8(ascii: "a")
    }

    private func wordEnd(in text: UnsafeBufferPointer<UInt8>, from start: Int) -> Word {
        var word = Word(end: start)
        var index = start
        let count = text.count
        let first = text[start]
        word.firstClass = first == UInt8(ascii: "$") ? UInt8(ascii: "$") : ByteClass.isDigit(first) ? UInt8(ascii: "9") : first >= 0x80 ? UInt8(ascii: "x") : UInt8(ascii: "a")
        if first == UInt8(ascii: "$") { index += 1; word.characters += 1 }
        while index < count {
            let byte = text[index]
            if byte < 0x80 {
                if ByteClass.isAlnum(byte) {
                    if ByteClass.isDigit(byte) {
                        word.digits += 1
                    } else if ByteClass.isUpper(byte) {
                        word.hasUpper = true
                    } else {
                        word.hasLower = true
                    }
                    word.characters += 1
                    index += 1
                    continue
                }
                let joins = byte == UInt8(ascii: "'") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_")
                if joins, index + 1 < count, continuesWord(text, at: index + 1) {
                    word.characters += 1
                    index += 1
                    continue
                }
                break
            }
            guard let (scalar, length) = ByteClass.scalar(in: text, at: index), ByteClass.denseScript(scalar) == nil,
                  ByteClass.isWordScalar(scalar) else { break }
            if !word.hasNonASCII { word.firstNonASCII = scalar }
            word.hasNonASCII = true
            if scalar.properties.isUppercase { word.hasUpper = true }
            if scalar.properties.isLowercase { word.hasLower = true }
            word.characters += 1
            index += length
        }
        word.end = index
        return word
    }

    private func continuesWord(_ text: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let byte = text[index]
        if byte < 0x80 { return ByteClass.isAlnum(byte) }
        guard let (scalar, _) = ByteClass.scalar(in: text, at: index) else { return false }
        return ByteClass.denseScript(scalar) == nil && ByteClass.isWordScalar(scalar)
    }

    /// The prefixes of one run of text: its words', and those of its capitals and pair tokens
    /// (made once per run, not once per word).
    struct Prefixes {
        let word: TokenPrefix
        let capitals: TokenPrefix
        let pair: TokenPrefix

        init(_ word: TokenPrefix, options: TokenizerOptions) {
            self.word = word
            let isBody = word.text.isEmpty
            capitals = !options.capitalsTokens ? word : isBody ? TextTokenizer.caseKept : TokenPrefix(TextTokenizer.caseKept.text + word.text)
            pair = !options.wordPairs ? word : isBody ? TextTokenizer.pair : TokenPrefix(TextTokenizer.pair.text + word.text)
        }
    }

    /// The word before, for the next pair: where it is, and for an ASCII word the pair hash
    /// state after "b:", the word lower-cased and a space, made while the word was hashed.
    struct PairState {
        var previous: Range<Int>?
        var seed: TokenHasher?
    }

    /// Emits the word (or its `skip:` stand-in), its capitals token and its pair with the word
    /// before; true when it counts as a word for pairs. An ASCII word is hashed once for
    /// itself, its pair and the next pair's start together (three independent hash chains in
    /// one pass), instead of once per token it is part of.
    private func emitWord(
        _ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ word: Word, _ prefixes: Prefixes, options: TokenizerOptions,
        pair: inout PairState, scratch: inout [UInt8], into sink: inout TokenSink
    ) -> Bool {
        let prefix = prefixes.word
        let minimum = word.hasNonASCII ? max(1, options.minWordLength - 1) : options.minWordLength
        guard word.characters >= minimum else { return false }
        if word.characters > options.maxWordLength {
            let bucket = min(word.characters / 10, 9)
            sink.emit(Self.skip, "\(prefix.text)\(Character(Unicode.Scalar(word.firstClass)))\(bucket)")
            return false
        }
        let bytes = UnsafeBufferPointer(rebasing: text[range])
        var pairHash: UInt64?
        var nextSeed: TokenHasher?
        if word.hasNonASCII {
            let lowered = String(decoding: bytes, as: UTF8.self).lowercased()
            sink.emit(prefix, lowered)
        } else if options.wordPairs {
            var wordHasher = prefix.seed
            var pairHasher = pair.seed ?? prefixes.pair.seed
            var seedHasher = prefixes.pair.seed
            for byte in bytes {
                let lowered = ByteClass.lower(byte)
                wordHasher.combine(lowered)
                pairHasher.combine(lowered)
                seedHasher.combine(lowered)
            }
            seedHasher.combine(UInt8(ascii: " "))
            sink.emit(hashed: wordHasher.finish(), prefix) { Self.lowered(bytes) }
            if pair.seed != nil { pairHash = pairHasher.finish() }
            nextSeed = seedHasher
        } else {
            sink.emit(prefix, lowering: bytes)
        }
        if options.capitalsTokens, word.hasUpper, !word.hasLower, word.digits == 0 {
            sink.emittingSecondary = true
            sink.emit(prefixes.capitals, exactly: bytes)
            sink.emittingSecondary = false
        }
        if options.wordPairs, let before = pair.previous {
            if let pairHash {
                sink.emittingSecondary = true
                sink.emit(hashed: pairHash, prefixes.pair) {
                    Self.lowered(UnsafeBufferPointer(rebasing: text[before])) + " " + Self.lowered(bytes)
                }
                sink.emittingSecondary = false
            } else {
                emitPair(text, before, range, prefixes.pair, into: &sink, scratch: &scratch)
            }
        }
        pair = PairState(previous: range, seed: nextSeed)
        return true
    }

    private static func lowered(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: bytes.map(ByteClass.lower), as: UTF8.self)
    }

    private func emitPair(
        _ text: UnsafeBufferPointer<UInt8>, _ first: Range<Int>, _ second: Range<Int>, _ prefix: TokenPrefix,
        into sink: inout TokenSink, scratch: inout [UInt8]
    ) {
        sink.emittingSecondary = true
        defer { sink.emittingSecondary = false }
        let a = UnsafeBufferPointer(rebasing: text[first]), b = UnsafeBufferPointer(rebasing: text[second])
        if a.allSatisfy({ $0 < 0x80 }), b.allSatisfy({ $0 < 0x80 }) {
            sink.emit(prefix, lowering: a, then: b)
            return
        }
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: a)
        scratch.append(UInt8(ascii: " "))
        scratch.append(contentsOf: b)
        scratch.withUnsafeBufferPointer { pair in
            sink.emit(prefix, String(decoding: pair, as: UTF8.self).lowercased())
        }
    }

    /// Overlapping pairs of characters of a run in a dense script; returns where the run ends.
    private func emitDenseRun(_ text: UnsafeBufferPointer<UInt8>, from start: Int, prefix: TokenPrefix, into sink: inout TokenSink) -> Int {
        var index = start
        var previousStart = -1
        var emitted = false
        var lastScript = ""
        while index < text.count, let (scalar, length) = ByteClass.scalar(in: text, at: index), let script = ByteClass.denseScript(scalar) {
            if script != lastScript {
                sink.emit(Self.script, script)
                lastScript = script
            }
            if previousStart >= 0 {
                sink.emit(prefix, exactly: UnsafeBufferPointer(rebasing: text[previousStart..<(index + length)]))
                emitted = true
            }
            previousStart = index
            index += length
        }
        if !emitted, previousStart >= 0 {
            sink.emit(prefix, exactly: UnsafeBufferPointer(rebasing: text[previousStart..<index]))
        }
        return index
    }
}
