import Foundation
import Testing

@Suite struct DelegatesCommandTests {
    @Test func searchIgnoresCaseAndAccentsWithinACountry() throws {
        let run = try Convene.run(["delegates", "--country", "VN", "--search", "huong"])
        #expect(run.status == 0)
        #expect(run.err.isEmpty)
        #expect(run.out.contains("Phạm Thị Thanh Hương"))
        #expect(run.out.contains("Head of the Culture Division, UNESCO Office in Hanoi"))
        let rows = run.out.split(separator: "\n").dropFirst(2)
        #expect(rows.count == 10)
        #expect(rows.allSatisfy { $0.contains(" VN ") }, "only Vietnamese delegates")
    }

    @Test func searchFindsDWithStrokeFromPlainD() throws {
        let run = try Convene.run(["delegates", "--search", "dang thi thu", "--format", "json"])
        #expect(run.status == 0)
        let rows = try #require(try JSONSerialization.jsonObject(with: run.stdout) as? [[String: Any]])
        #expect(rows.compactMap { $0["name"] as? String } == ["Đặng Thị Thu Hương"])
    }

    /// Every spelling of the country gives the same list as its ISO code.
    @Test(arguments: ["vietnam", "Viet Nam", "vn", "VIET NAM", "Vietnam"])
    func countryNamesAndCodesAreEquivalent(spelling: String) throws {
        let byCode = try Convene.run(["delegates", "--country", "VN", "--format", "csv"])
        let bySpelling = try Convene.run(["delegates", "--country", spelling, "--format", "csv"])
        #expect(bySpelling.status == 0, "--country '\(spelling)': \(bySpelling.err)")
        #expect(bySpelling.stdout == byCode.stdout)
        #expect(try StrictCSV.records(bySpelling.out).count == 100, "a header, 98 listed delegates and the line for 2 unlisted")
    }

    @Test func aMisspeltCountryIsAUsageErrorWithASuggestion() throws {
        let run = try Convene.run(["delegates", "--country", "vietnm"])
        #expect(run.status == 64)
        #expect(run.stdout.isEmpty)
        #expect(run.err == "convene: unknown country 'vietnm' (did you mean 'Viet Nam'?)\n")
    }

    @Test(arguments: ["narnia", "XX", "Thialand"])
    func anUnknownCountryExits64AndSaysWhich(country: String) throws {
        let run = try Convene.run(["delegates", "--country", country])
        #expect(run.status == 64)
        #expect(run.stdout.isEmpty)
        #expect(run.err.hasPrefix("convene: unknown country '\(country)'"))
        #expect(run.err.split(separator: "\n").count == 1, "one line")
    }

    @Test func thialandSuggestsThailand() throws {
        let run = try Convene.run(["delegates", "--country", "Thialand"])
        #expect(run.err.contains("did you mean 'Thailand'?"))
    }

    @Test func unknownCityAndEventAreUsageErrorsWithSuggestions() throws {
        let city = try Convene.run(["delegates", "--city", "hanio"])
        #expect(city.status == 64)
        #expect(city.err.contains("unknown city 'hanio' (did you mean 'hanoi'?)"))
        let event = try Convene.run(["agenda", "--event", "hanoi-2032"])
        #expect(event.status == 64)
        #expect(event.err.contains("unknown event 'hanoi-2032'"))
    }

    @Test func aMissingDataFileExits66() throws {
        let run = try Convene.run(["delegates", "--data", "/nonexistent/convene.json"])
        #expect(run.status == 66)
        #expect(run.err.contains("/nonexistent/convene.json"))
        #expect(run.stdout.isEmpty)
    }

    @Test func conveneDataEnvironmentVariableNamesTheFile() throws {
        let minimal = Paths.fixtures.appendingPathComponent("valid/minimal.json").path
        let run = try Convene.run(["delegates", "--format", "json"], environment: ["CONVENE_DATA": minimal])
        #expect(run.status == 0)
        let rows = try #require(try JSONSerialization.jsonObject(with: run.stdout) as? [[String: Any]])
        #expect(rows.count == 3)
    }
}
