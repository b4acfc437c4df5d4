import Foundation
import Testing
@testable import MailMessage

@Suite struct MailboxReaderTests {
    /// A fresh folder under the system temp folder, removed when `body` returns.
    private func withTemporaryFolder(_ body: (String) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("swfilter-mailbox-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try body(folder)
    }

    private func write(_ text: String, to path: String) throws {
        try write(Array(text.utf8), to: path)
    }

    private func write(_ bytes: [UInt8], to path: String) throws {
        let directory = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    private func entries(_ path: String, maxMessageBytes: Int = MailboxReader.defaultMaxMessageBytes) throws -> [Result<MailboxEntry, MailboxError>] {
        Array(try MailboxReader(path: path, maxMessageBytes: maxMessageBytes))
    }

    private func messages(_ path: String) throws -> [MailboxEntry] {
        try entries(path).compactMap { try? $0.get() }
    }

    @Test func readsASingleMessageFile() throws {
        try withTemporaryFolder { folder in
            let path = folder + "/one.eml"
            let bytes = Array("Subject: hi\r\n\r\nFrom here on, text.\r\n\r\nFrom the body too.\r\n".utf8) + [0x00, 0xFF]
            try write(bytes, to: path)
            let reader = try MailboxReader(path: path)
            #expect(reader.format == .file)
            let all = try messages(path)
            #expect(all == [MailboxEntry(source: path, bytes: bytes)])
        }
    }

    @Test func readsAnEmptyFileAsOneEmptyMessage() throws {
        try withTemporaryFolder { folder in
            try write("", to: folder + "/empty")
            #expect(try messages(folder + "/empty") == [MailboxEntry(source: folder + "/empty", bytes: [])])
        }
    }

    @Test func readsAnMbox() throws {
        try withTemporaryFolder { folder in
            let path = folder + "/inbox"
            try write("""
                From a@example.org Mon Jan  1 00:00:00 2024
                Subject: one

                >From quoted
                From unquoted in a paragraph

                From b@example.org Tue Jan  2 00:00:00 2024
                Subject: two

                two

                """, to: path)
            let all = try messages(path)
            #expect(all.map(\.source) == [path + ":1", path + ":2"])
            #expect(all.map(\.fromLine) == ["From a@example.org Mon Jan  1 00:00:00 2024", "From b@example.org Tue Jan  2 00:00:00 2024"])
            #expect(all.map { String(decoding: $0.bytes, as: UTF8.self) } == [
                "Subject: one\n\nFrom quoted\nFrom unquoted in a paragraph\n",
                "Subject: two\n\ntwo\n",
            ])
        }
    }

    @Test func namesTheOnlyMessageOfAnMboxByItsPath() throws {
        try withTemporaryFolder { folder in
            let path = folder + "/corpus.00001"
            try write("From x@example.org  Thu Aug 22 12:36:23 2002\r\nSubject: s\r\n\r\nbody\r\n", to: path)
            let all = try messages(path)
            #expect(all == [MailboxEntry(source: path, bytes: Array("Subject: s\r\n\r\nbody\r\n".utf8), fromLine: "From x@example.org  Thu Aug 22 12:36:23 2002")])
        }
    }

    @Test func readsALargeMboxInChunks() throws {
        try withTemporaryFolder { folder in
            let path = folder + "/big.mbox"
            var text = ""
            var expected: [String] = []
            for index in 0..<600 {
                let body = String(repeating: "line \(index) of some text\n", count: index % 97 + 1)
                let message = "Subject: \(index)\n\n\(body)"
                expected.append(message)
                text += "From sender\(index)@example.org Mon Jan  1 00:00:00 2024\n\(message)\n"
            }
            try write(text, to: path)
            #expect(text.utf8.count > 2 * MailboxFileReader.chunkSize)
            let all = try messages(path)
            #expect(all.count == 600)
            #expect(all.map { String(decoding: $0.bytes, as: UTF8.self) } == expected)
            #expect(all.last?.source == path + ":600")
        }
    }

    @Test func skipsOversizedMessagesAndGoesOn() throws {
        try withTemporaryFolder { folder in
            let mbox = folder + "/mbox"
            try write("From a\nsmall\n\nFrom b\n" + String(repeating: "x", count: 5_000) + "\n\nFrom c\nsmall\n", to: mbox)
            let results = try entries(mbox, maxMessageBytes: 1_000)
            #expect(results.count == 3)
            #expect(results.map { (try? $0.get())?.bytes } == [Array("small\n".utf8), nil, Array("small\n".utf8)])
            if case .failure(let error) = results[1] {
                #expect(error == .messageTooLarge(source: mbox + ":2", limit: 1_000))
                #expect(error.description.contains(mbox + ":2"))
            } else {
                Issue.record("the oversized message should be a failure")
            }
            let single = folder + "/single.eml"
            try write(String(repeating: "z", count: 5_000), to: single)
            #expect(try entries(single, maxMessageBytes: 4_999).map { (try? $0.get()) == nil } == [true])
            #expect(try messages(single).first?.bytes.count == 5_000)
        }
    }

    @Test func readsAMaildir() throws {
        try withTemporaryFolder { folder in
            try write("Subject: new 2\n\n", to: folder + "/new/1700000002.M2.host")
            try write("Subject: cur 1\n\n", to: folder + "/cur/1700000001.M1.host:2,S")
            try write("Subject: cur 0\n\n", to: folder + "/cur/1700000000.M0.host:2,")
            try write("Subject: tmp\n\n", to: folder + "/tmp/1700000003.M3.host")
            try write("dovecot state", to: folder + "/dovecot-uidlist")
            try write("Subject: hidden\n\n", to: folder + "/cur/.hidden")
            let reader = try MailboxReader(path: folder)
            #expect(reader.format == .maildir)
            let all = try messages(folder)
            #expect(all.map(\.source) == [
                folder + "/cur/1700000000.M0.host:2,", folder + "/cur/1700000001.M1.host:2,S", folder + "/new/1700000002.M2.host",
            ])
            #expect(all.map { String(decoding: $0.bytes, as: UTF8.self) } == ["Subject: cur 0\n\n", "Subject: cur 1\n\n", "Subject: new 2\n\n"])
        }
    }

    @Test func walksADirectoryRecursivelyInNameOrder() throws {
        try withTemporaryFolder { folder in
            try write("c", to: folder + "/c.eml")
            try write("a", to: folder + "/a.eml")
            try write("b1", to: folder + "/b/1.eml")
            try write("hidden", to: folder + "/.hidden.eml")
            try write("in hidden folder", to: folder + "/.git/x")
            try write("From a\none\n\nFrom b\ntwo\n", to: folder + "/b/2.mbox")
            try write("B", to: folder + "/B.eml")
            try write("maildir", to: folder + "/d/cur/m1")
            try FileManager.default.createDirectory(atPath: folder + "/d/new", withIntermediateDirectories: true)
            try write("maildir tmp", to: folder + "/d/tmp/m2")
            let reader = try MailboxReader(path: folder + "/")
            #expect(reader.format == .directory)
            let all = try messages(folder + "/")
            #expect(all.map(\.source) == [
                folder + "/B.eml", folder + "/a.eml", folder + "/b/1.eml", folder + "/b/2.mbox:1", folder + "/b/2.mbox:2",
                folder + "/c.eml", folder + "/d/cur/m1",
            ])
            #expect(all.map { String(decoding: $0.bytes, as: UTF8.self) } == ["B", "a", "b1", "one\n", "two\n", "c", "maildir"])
        }
    }

    @Test func emptyDirectoryHasNoMessages() throws {
        try withTemporaryFolder { folder in
            let results = try entries(folder)
            #expect(results.isEmpty)
        }
    }

    @Test func unreadableEntriesAreFailuresAndTheWalkGoesOn() throws {
        try withTemporaryFolder { folder in
            try write("first", to: folder + "/1.eml")
            try FileManager.default.createSymbolicLink(atPath: folder + "/2.eml", withDestinationPath: folder + "/missing")
            try write("third", to: folder + "/3.eml")
            let results = try entries(folder)
            #expect(results.count == 3)
            #expect(results.map { (try? $0.get()).map { String(decoding: $0.bytes, as: UTF8.self) } } == ["first", nil, "third"])
            if case .failure(let error) = results[1] {
                #expect(error == .notFound(path: folder + "/2.eml"))
            }
            guard getuid() != 0 else { return }  // root reads files whatever their mode
            try write("locked", to: folder + "/4.eml")
            chmod(folder + "/4.eml", 0)
            let locked = try entries(folder)
            #expect(locked.count == 4)
            if case .failure(let error) = locked.last {
                #expect(error == .unreadable(path: folder + "/4.eml", errno: EACCES))
            } else {
                Issue.record("the unreadable file should be a failure")
            }
        }
    }

    @Test func symbolicLinkLoopsAreReadOnce() throws {
        try withTemporaryFolder { folder in
            try write("m", to: folder + "/sub/m.eml")
            try FileManager.default.createSymbolicLink(atPath: folder + "/sub/loop", withDestinationPath: folder)
            let all = try messages(folder)
            #expect(all.map(\.source) == [folder + "/sub/m.eml"])
        }
    }

    @Test func missingPathThrowsWithThePath() throws {
        let path = "/nonexistent-\(UUID().uuidString)/mail"
        #expect(throws: MailboxError.notFound(path: path)) { try MailboxReader(path: path) }
        do {
            _ = try MailboxReader(path: path)
        } catch {
            #expect(error.description.contains(path))
        }
    }

    @Test func errorDescriptionsNameThePathAndCause() {
        #expect(MailboxError.unreadable(path: "/x", errno: EACCES).description.contains("/x"))
        #expect(MailboxError.unreadable(path: "/x", errno: EACCES).description.contains("errno \(EACCES)"))
        #expect(MailboxError.readFailed(path: "/y", errno: EIO).path == "/y")
        #expect(MailboxError.unsupportedFileType(path: "/sock").description.hasPrefix("/sock: "))
    }

    @Test func readsAPipe() throws {
        try withTemporaryFolder { folder in
            let fifo = folder + "/pipe"
            #expect(mkfifo(fifo, 0o600) == 0)
            let writer = Thread {
                let handle = FileHandle(forWritingAtPath: fifo)
                handle?.write(Data("From a\nx\n\nFrom b\ny\n".utf8))
                try? handle?.close()
            }
            writer.start()
            let all = try messages(fifo)
            #expect(all.map(\.source) == [fifo + ":1", fifo + ":2"])
        }
    }
}
