import Testing
@testable import ConveneModel

@Suite struct FormatsCSVTests {
    @Test func readsQuotedFieldsWithCommasQuotesAndLineBreaks() throws {
        let records = try CSVReader.parse("Name,Note\r\n\"Phạm, Hương\",\"says \"\"hi\"\"\r\nand bye\"\r\nBob,\r\n")
        #expect(records.map(\.fields) == [["Name", "Note"], ["Phạm, Hương", "says \"hi\"\r\nand bye"], ["Bob", ""]])
        #expect(records.map(\.line) == [1, 2, 4])
    }

    @Test func byteOrderMarkLFEndingsAndMissingFinalNewlineAreFine() throws {
        let records = try CSVReader.parse(bytes: [0xEF, 0xBB, 0xBF] + Array("a,b\nc,d".utf8))
        #expect(records.map(\.fields) == [["a", "b"], ["c", "d"]])
    }

    @Test func blankLinesAreSkippedButKeepTheLineCount() throws {
        let records = try CSVReader.parse("a\n\n\nb\n")
        #expect(records.map(\.line) == [1, 4])
    }

    @Test(arguments: [
        ("a,b\nc,\"d\n", 2, "never closes"),
        ("a,b\nc,d\"e\n", 2, "inside an unquoted field"),
        ("a,b\n\"c\"x,d\n", 2, "after the closing quote"),
    ])
    func malformedCSVNamesTheLine(text: String, line: Int, message: String) {
        do {
            _ = try CSVReader.parse(text)
            Issue.record("parsed malformed CSV")
        } catch {
            #expect(error.line == line)
            #expect(error.message.contains(message))
        }
    }

    @Test func invalidUTF8IsReportedWithItsLine() {
        do {
            _ = try CSVReader.parse(bytes: Array("a\nb\n".utf8) + [0x43, 0xE9, 0x0A])
            Issue.record("accepted Latin-1")
        } catch {
            #expect(error.line == 3)
            #expect(error.message.contains("UTF-8"))
        }
    }
}
