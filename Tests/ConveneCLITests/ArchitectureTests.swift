import Foundation
import Testing

/// ARCHITECTURE.md's module table says which of the package's modules each module imports;
/// the sources are the truth, so the table is checked against every `import` in them.
@Suite struct ArchitectureTests {
    /// The modules a module's sources import, counting only this package's modules and ArgumentParser.
    private func imports(of module: String, among known: Set<String>) throws -> Set<String> {
        let folder = Paths.repository.appendingPathComponent("Sources/\(module)")
        let enumerator = try #require(FileManager.default.enumerator(atPath: folder.path))
        let importLine = try Regex(#"(?m)^\s*(?:@\w+\s+)*import\s+(?:(?:struct|enum|class|func)\s+)?(\w+)"#)
        var found: Set<String> = []
        for case let file as String in enumerator where file.hasSuffix(".swift") {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for match in text.matches(of: importLine) {
                if let name = match.output[1].substring.map(String.init), known.contains(name) { found.insert(name) }
            }
        }
        return found
    }

    @Test func theModuleTableListsEveryModulesImports() throws {
        let sources = Paths.repository.appendingPathComponent("Sources")
        let modules = try FileManager.default.contentsOfDirectory(atPath: sources.path).filter { !$0.hasPrefix(".") }
        let known = Set(modules).union(["ArgumentParser"])
        let architecture = try String(contentsOf: Paths.repository.appendingPathComponent("ARCHITECTURE.md"), encoding: .utf8)
        var table: [String: Set<String>] = [:]
        for line in architecture.split(separator: "\n") where line.hasPrefix("| `") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 2 else { continue }
            let name = cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`"))
            table[name] = Set(cells[1].split(separator: " ").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "`")) }
                .filter { $0 != "—" })
        }
        // System libraries (a module.modulemap, no Swift) import nothing: CNCursesW, CLibXML2.
        let systemLibraries = modules.filter {
            FileManager.default.fileExists(atPath: sources.appendingPathComponent("\($0)/module.modulemap").path)
        }
        for module in modules where !systemLibraries.contains(module) {
            let listed = try #require(table[module], "ARCHITECTURE.md's table has no row for \(module)")
            #expect(listed == (try imports(of: module, among: known)), "\(module)'s imports")
        }
    }

    /// Convene builds on Linux only (Glibc, ncurses): a `#elseif canImport(Darwin)` branch is never
    /// compiled here, so it cannot be kept right, and there are none.
    @Test func noSourceHasAnUncompiledDarwinBranch() throws {
        let sources = Paths.repository.appendingPathComponent("Sources")
        let enumerator = try #require(FileManager.default.enumerator(atPath: sources.path))
        for case let file as String in enumerator where file.hasSuffix(".swift") {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            #expect(!text.contains("canImport(Darwin)") && !text.contains("import Darwin"), "\(file)")
        }
    }

    /// FoundationNetworking links libcurl and ~50 libraries with it, loaded at every start; URLs are
    /// fetched through libcurl opened on first use instead (ConveneRemote's CurlLibrary), so no
    /// source may import it (issue 13).
    @Test func noSourceImportsFoundationNetworking() throws {
        let sources = Paths.repository.appendingPathComponent("Sources")
        let enumerator = try #require(FileManager.default.enumerator(atPath: sources.path))
        var checked = 0
        for case let file as String in enumerator where file.hasSuffix(".swift") {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            let imports = text.split(separator: "\n").filter {
                let line = $0.trimmingCharacters(in: .whitespaces)
                return line.hasPrefix("import") || line.hasPrefix("@") || line.hasPrefix("#if")
            }
            #expect(!imports.contains { $0.contains("FoundationNetworking") }, "\(file)")
            checked += 1
        }
        #expect(checked > 50, "the sources were found")
    }
}
