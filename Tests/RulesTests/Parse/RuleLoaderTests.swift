import Foundation
import Testing
@testable import Rules

@Suite struct RuleLoaderTests {
    @Test func directoryLoadsCfFilesInNameOrder() throws {
        let directory = try TemporaryRuleDirectory()
        try directory.write("20_b.cf", "body R /from_20/\nbody ONLY_20 /x/\n")
        try directory.write("10_a.cf", "body R /from_10/\nscore R 2\n")
        try directory.write("local.cf", "score R 4\n")
        try directory.write("updates_spamassassin_org.cf", "body FIRST /x/\nscore R 1\n")
        try directory.write("notes.txt", "this is not a rule file\n")
        try directory.write("init.pre", "loadplugin Mail::SpamAssassin::Plugin::Nope\n")
        try directory.write("sub.cf/inner.cf", "body IN_SUBDIRECTORY /x/\n")
        let set = RuleLoader().load(path: directory.path)
        #expect(set.files.map { ($0 as NSString).lastPathComponent } == ["updates_spamassassin_org.cf", "10_a.cf", "20_b.cf", "local.cf"])
        #expect(set["R"]?.test.pattern?.sourceText == "from_20")
        #expect(set["R"]?.scores == RuleScores(all: 4))
        #expect(set["FIRST"]?.id == RuleID(0))
        #expect(set["IN_SUBDIRECTORY"] == nil)
        #expect(set.problems.isEmpty)
    }

    @Test func includeIsRelativeToTheIncludingFile() throws {
        let directory = try TemporaryRuleDirectory()
        try directory.write("main.cf", "body BEFORE /x/\ninclude parts/extra.cf\nbody AFTER /x/\nscore FROM_INCLUDE 3\n")
        try directory.write("parts/extra.cf", "body FROM_INCLUDE /y/\ninclude deeper.cf\n")
        try directory.write("parts/deeper.cf", "body DEEPER /z/\n")
        let set = RuleLoader().load(path: directory.path + "/main.cf")
        #expect(set.rules.map(\.name) == ["BEFORE", "FROM_INCLUDE", "DEEPER", "AFTER"])
        #expect(set["FROM_INCLUDE"]?.location.file.hasSuffix("parts/extra.cf") == true)
        #expect(set["FROM_INCLUDE"]?.scores == RuleScores(all: 3))
        #expect(set.problems.isEmpty)
    }

    @Test func includeLoopDoesNotHang() throws {
        let directory = try TemporaryRuleDirectory()
        try directory.write("a.cf", "body A /a/\ninclude b.cf\n")
        try directory.write("b.cf", "body B /b/\ninclude a.cf\ninclude b.cf\n")
        let set = RuleLoader().load(path: directory.path + "/a.cf")
        #expect(set.rules.map(\.name) == ["A", "B"])
        #expect(set.errors.count == 2)
        #expect(set.errors.allSatisfy { $0.message.hasPrefix("include loop:") && $0.file.hasSuffix("b.cf") })
        #expect(set.errors.map(\.line) == [2, 3])
    }

    @Test func missingFilesAreReported() throws {
        let directory = try TemporaryRuleDirectory()
        try directory.write("main.cf", "include nowhere.cf\nbody STILL_LOADED /x/\n")
        let set = RuleLoader().load(paths: [directory.path + "/main.cf", directory.path + "/absent.cf"])
        #expect(set["STILL_LOADED"] != nil)
        #expect(set.errors.count == 2)
        #expect(set.errors[0].line == 1)
        #expect(set.errors[1].line == 0)
        #expect(set.errors[1].file.hasSuffix("absent.cf"))
    }

    @Test func includeInsideFalseConditionIsNotRead() throws {
        let directory = try TemporaryRuleDirectory()
        try directory.write("main.cf", "if (version >= 99)\ninclude other.cf\nendif\n")
        try directory.write("other.cf", "body OTHER /x/\n")
        let set = RuleLoader().load(path: directory.path + "/main.cf")
        #expect(set.count == 0)
        #expect(set.files.count == 1)
    }

    @Test func sameFileTwiceIsReadOnce() throws {
        let directory = try TemporaryRuleDirectory()
        let file = try directory.write("one.cf", "body ONE /x/\n")
        let set = RuleLoader().load(paths: [file, directory.path])
        #expect(set.files.count == 1)
        #expect(set.messages(.info).count == 1)
    }

    @Test func tenMegabyteFileLoads() throws {
        let directory = try TemporaryRuleDirectory()
        var text = ""
        var index = 0
        let filler = "# " + String(repeating: "padding ", count: 60) + "\n"
        while text.utf8.count < 10 << 20 {
            text += "body R\(index) /word\(index)\\b/i\ndescribe R\(index) rule number \(index)\nscore R\(index) 0.\(index % 10)\n"
            text += filler
            index += 1
        }
        let file = try directory.write("big.cf", text)
        let set = RuleLoader().load(path: file)
        #expect(set.errors.isEmpty)
        #expect(set.count == index)
        #expect(set["R\(index - 1)"]?.test.pattern?.sourceText == "word\(index - 1)\\b")
    }

    @Test func oversizedFileIsRefused() throws {
        let directory = try TemporaryRuleDirectory()
        let file = try directory.write("big.cf", String(repeating: "body R /x/\n", count: 1000))
        let options = RuleLoaderOptions(limits: RuleLoadLimits(maxFileBytes: 4096))
        let set = RuleLoader(options: options).load(path: file)
        #expect(set.count == 0)
        #expect(set.errors.first?.message.contains("more than the file limit of 4096") == true)
    }

    @Test func totalBytesAreCapped() throws {
        let directory = try TemporaryRuleDirectory()
        try directory.write("a.cf", "body A /\(String(repeating: "a", count: 3000))/\n")
        try directory.write("b.cf", "body B /\(String(repeating: "b", count: 3000))/\n")
        let options = RuleLoaderOptions(limits: RuleLoadLimits(maxTotalBytes: 5000))
        let set = RuleLoader(options: options).load(path: directory.path)
        #expect(set.rules.map(\.name) == ["A"])
        #expect(set.errors.count == 1)
    }

    @Test func hundredKilobyteLineLoads() throws {
        let alternatives = (0..<20_000).map { "w\($0)" }.joined(separator: "|")
        let line = "body HUGE /(?:\(alternatives))/\n"
        #expect(line.utf8.count > 100_000)
        let set = loadRules(line + "body NEXT /x/\n")
        #expect(set.errors.isEmpty)
        #expect(set["HUGE"]?.test.pattern?.source.count == line.utf8.count - 13)
        #expect(set["NEXT"] != nil)
    }

    @Test func oversizedLineIsSkipped() {
        let options = RuleLoaderOptions(limits: RuleLoadLimits(maxLineBytes: 1000))
        let set = loadRules("body LONG /\(String(repeating: "x", count: 2000))/\nbody SHORT /x/\n", options: options)
        #expect(set["LONG"] == nil)
        #expect(set["SHORT"] != nil)
        #expect(set.messages(.error) == ["1: line of 2012 bytes is longer than the limit of 1000; skipped"])
    }

    @Test func binaryGarbageDoesNotCrash() throws {
        var generator = SystemRandomNumberGenerator()
        var bytes = (0..<200_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        // Sprinkle directive words in so the parser gets past the key lookup now and then.
        for (offset, word) in ["\nbody X /", "\nmeta M (", "\nheader H From =~ /", "\nif (", "\nendif\n", "\nscore X "].enumerated() {
            bytes.replaceSubrange((offset * 1000)..<(offset * 1000 + word.utf8.count), with: Array(word.utf8))
        }
        let directory = try TemporaryRuleDirectory()
        let file = try directory.write("garbage.cf", bytes: bytes)
        let set = RuleLoader().load(path: file)
        #expect(set.files.count == 1)
    }

    @Test func ruleLimitIsEnforced() {
        let options = RuleLoaderOptions(limits: RuleLoadLimits(maxRules: 3))
        let set = loadRules((0..<5).map { "body R\($0) /x/" }.joined(separator: "\n"), options: options)
        #expect(set.count == 3)
        #expect(set.errors.map(\.line) == [4, 5])
    }

    @Test func includeOfFifoDoesNotBlock() throws {
        let directory = try TemporaryRuleDirectory()
        let fifo = directory.path + "/trap.cf"
        #expect(mkfifo(fifo, 0o600) == 0)
        try directory.write("main.cf", "include trap.cf\ninclude /dev/zero\nbody AFTER /x/\n")
        let set = RuleLoader().load(path: directory.path + "/main.cf")
        #expect(set["AFTER"] != nil)
        #expect(set.errors.map(\.line) == [1, 2])
        #expect(set.errors.allSatisfy { $0.message.hasSuffix("not a regular file") })
    }

    @Test func includeChainIsBounded() throws {
        let directory = try TemporaryRuleDirectory()
        for index in 0..<30 {
            try directory.write("f\(index).cf", "body R\(index) /x/\ninclude f\(index + 1).cf\n")
        }
        let options = RuleLoaderOptions(limits: RuleLoadLimits(maxIncludeDepth: 5))
        let set = RuleLoader(options: options).load(path: directory.path + "/f0.cf")
        #expect(set.count == 6)
        #expect(set.errors.count == 1)
        #expect(set.errors.first?.message.contains("nested deeper than 5") == true)
    }

    @Test func bytesAreLoadedAsWritten() {
        let bytes: [UInt8] = Array("body LATIN1 /caf".utf8) + [0xE9] + Array("/i\n".utf8)
        let set = RuleLoader().load(bytes: bytes, fileName: "latin1.cf")
        #expect(set["LATIN1"]?.test.pattern?.source == Array("caf".utf8) + [0xE9])
    }
}
