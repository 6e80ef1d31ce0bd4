import ArgumentParser
import ConveneModel

struct Browse: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Open the directory in the full-screen browser (the default).")
    @OptionGroup var data: DataOptions

    func run() throws {
        _ = try data.load()
        Output.error("the browser is not built yet; try `convene summary`")
        throw ExitCode(1)
    }
}
