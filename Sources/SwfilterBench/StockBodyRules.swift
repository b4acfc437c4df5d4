import Foundation
import Rules

/// A throwaway reader of the `body` rules in SpamAssassin's stock rule files, enough to test the
/// matcher on real patterns while the real rule parser is written elsewhere. Replace tags are
/// expanded crudely. Empty when the files are not installed.
enum StockBodyRules {
    struct Rule {
        let name: String
        let pattern: [UInt8]
        let options: RegexOptions
    }

    static let directory = "/usr/share/spamassassin"

    static let all: [Rule] = load(kind: "body")

    /// The `util_rb_tld` list of the stock files.
    static func validTLDs() -> Set<String> {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        var tlds = Set<String>()
        for name in names.sorted() where name.hasSuffix(".cf") {
            guard let data = FileManager.default.contents(atPath: directory + "/" + name) else { continue }
            for line in String(decoding: data, as: UTF8.self).split(separator: "\n") where line.hasPrefix("util_rb_tld ") {
                for word in line.split(separator: " ").dropFirst() { tlds.insert(word.lowercased()) }
            }
        }
        return tlds
    }

    static func load(kind: String) -> [Rule] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        var lines: [[UInt8]] = []
        for name in names.sorted() where name.hasSuffix(".cf") {
            guard let data = FileManager.default.contents(atPath: directory + "/" + name) else { continue }
            lines += [UInt8](data).split(separator: 0x0A, omittingEmptySubsequences: true).map(Array.init)
        }
        var tags: [String: [UInt8]] = [:]
        var replaced = Set<String>()
        for line in lines {
            let fields = words(line, count: 3)
            guard fields.count >= 2 else { continue }
            let keyword = String(decoding: fields[0], as: UTF8.self)
            if ["replace_tag", "replace_inter", "replace_post", "replace_pre"].contains(keyword), fields.count == 3 {
                tags[String(decoding: fields[1], as: UTF8.self)] = fields[2]
            } else if keyword == "replace_rules" {
                for rule in words(line, count: 100).dropFirst() { replaced.insert(String(decoding: rule, as: UTF8.self)) }
            }
        }
        // A later definition replaces an earlier one, as in SpamAssassin.
        var rules: [Rule] = []
        var position: [String: Int] = [:]
        for line in lines {
            let fields = words(line, count: 3)
            guard fields.count == 3, String(decoding: fields[0], as: UTF8.self) == kind else { continue }
            let name = String(decoding: fields[1], as: UTF8.self)
            guard let (pattern, options) = delimited(fields[2]) else { continue }
            var expanded = pattern
            if replaced.contains(name) {
                for _ in 0..<5 {
                    let next = expand(expanded, tags: tags)
                    if next == expanded { break }
                    expanded = next
                }
            }
            let rule = Rule(name: name, pattern: expanded, options: options)
            if let index = position[name] {
                rules[index] = rule
            } else {
                position[name] = rules.count
                rules.append(rule)
            }
        }
        return rules
    }

    /// Splits off the first `count - 1` white-space separated words; the last field is the rest.
    private static func words(_ line: [UInt8], count: Int) -> [[UInt8]] {
        var result: [[UInt8]] = []
        var index = 0
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D }
        while index < line.count, result.count < count {
            while index < line.count, isSpace(line[index]) { index += 1 }
            guard index < line.count else { break }
            if result.count == count - 1 {
                var end = line.count
                while end > index, isSpace(line[end - 1]) { end -= 1 }
                result.append(Array(line[index..<end]))
                break
            }
            let start = index
            while index < line.count, !isSpace(line[index]) { index += 1 }
            result.append(Array(line[start..<index]))
        }
        if let first = result.first, first.first == UInt8(ascii: "#") { return [] }
        return result
    }

    private static func delimited(_ text: [UInt8]) -> ([UInt8], RegexOptions)? {
        var body = text[...]
        if body.first == UInt8(ascii: "m") { body = body.dropFirst() }
        guard let open = body.first else { return nil }
        let close: UInt8
        switch open {
        case UInt8(ascii: "{"): close = UInt8(ascii: "}")
        case UInt8(ascii: "("): close = UInt8(ascii: ")")
        case UInt8(ascii: "["): close = UInt8(ascii: "]")
        case UInt8(ascii: "<"): close = UInt8(ascii: ">")
        case UInt8(ascii: "/"), UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: "#"): close = open
        default: return nil
        }
        guard let end = body.lastIndex(of: close), end > body.startIndex else { return nil }
        var options: RegexOptions = []
        for flag in body[(end + 1)...] {
            switch flag {
            case UInt8(ascii: "i"): options.insert(.caseless)
            case UInt8(ascii: "s"): options.insert(.dotAll)
            case UInt8(ascii: "m"): options.insert(.multiline)
            case UInt8(ascii: "x"): options.insert(.extended)
            default: return nil
            }
        }
        return (Array(body[(body.startIndex + 1)..<end]), options)
    }

    /// `<inter X>`, `<post X>`, `<pre X>` set what goes around each `<TAG>`; tags are replaced.
    private static func expand(_ pattern: [UInt8], tags: [String: [UInt8]]) -> [UInt8] {
        var pre: [UInt8] = [], inter: [UInt8] = [], post: [UInt8] = []
        var result: [UInt8] = []
        var index = 0
        var previousWasTag = false
        while index < pattern.count {
            if pattern[index] == UInt8(ascii: "<"), let close = pattern[index...].firstIndex(of: UInt8(ascii: ">")) {
                let inside = String(decoding: pattern[(index + 1)..<close], as: UTF8.self)
                let parts = inside.split(separator: " ")
                if parts.count == 2, let value = tags[String(parts[1])], ["pre", "inter", "post"].contains(String(parts[0])) {
                    switch parts[0] {
                    case "pre": pre = value
                    case "inter": inter = value
                    default: post = value
                    }
                    index = close + 1
                    continue
                }
                if parts.count == 1, let value = tags[inside] {
                    if previousWasTag { result += inter }
                    result += pre + value + post
                    previousWasTag = true
                    index = close + 1
                    continue
                }
            }
            previousWasTag = false
            result.append(pattern[index])
            index += 1
        }
        return result
    }
}
