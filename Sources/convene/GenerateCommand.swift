import ArgumentParser
import ConveneModel

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a synthetic directory of N delegates (deterministic for a seed), for benchmarks.",
        discussion: "Every record is invented and marked illustrative. Writes to stdout unless -o names a file, which is replaced atomically (old version kept as FILE.bak); exit 73 when it cannot be written or is not a regular file.")

    @Option(name: .long, help: "How many delegates.")
    var delegates: Int = 1000

    @Option(name: .long, help: "Random seed: the same seed writes the same file.")
    var seed: UInt64 = 1

    @Option(name: .long, help: "How many events (default: one per 500 delegates, 1 to 200).")
    var events: Int?

    @OptionGroup var output: OutputOptions<GenerateOutput>

    func validate() throws {
        guard delegates >= 0, delegates <= 50_000_000 else { throw ValidationError("--delegates must be 0…50000000") }
        if let events, events < 1 || events > 100_000 { throw ValidationError("--events must be 1…100000") }
    }

    func run() throws {
        let text = SyntheticDirectory(delegates: delegates, seed: seed, events: events).json()
        if let output = output.file {
            // Refuses a device, FIFO or directory (exit 73), keeps an existing file's mode and a FILE.bak.
            try DurableWrite.replace(output, with: Array(text.utf8), backup: true)
        } else {
            try Output.writeData(text)
        }
    }
}
