import ConveneModel
import ConveneSample

/// The bundled sample directory, read and loaded once for every test that needs it.
///
/// Tests of the loader itself call it on ``bytes``; every other test takes the loaded
/// ``directory`` or ``index`` (both values: a test may copy and change them).
public enum BundledSample {
    /// The JSON text compiled into the binary, as bytes.
    public static let bytes: [UInt8] = Array(SampleData.json.utf8)

    /// The name the loader reports the sample under (`<bundled sample>`).
    public static let name: String = SampleData.displayName

    /// The sample, decoded and validated by the general path.
    public static let directory: Directory = {
        do {
            return try DirectoryLoader.load(bytes: bytes, name: name)
        } catch {
            // Not user input: the sample is compiled in, and SampleEmbeddingTests checks it.
            preconditionFailure("the bundled sample must load: \(error)")
        }
    }()

    /// The sample with its indexes.
    public static let index: DirectoryIndex = DirectoryIndex(directory)
}
