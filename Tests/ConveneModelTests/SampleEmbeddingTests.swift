import ConveneSample
import Foundation
import Testing

/// The sample is compiled into the binary from data/sample.json; these tests make
/// sure the two can never drift apart.
@Suite struct SampleEmbeddingTests {
    @Test func embeddedJSONIsByteForByteTheSampleFile() throws {
        let file = try Data(contentsOf: Fixtures.sampleFile)
        let embedded = Data(BundledSample.bytes)
        #expect(
            embedded == file,
            """
            Sources/ConveneSample/SampleData.swift differs from data/sample.json \
            (\(embedded.count) bytes embedded, \(file.count) in the file): run scripts/embed-sample
            """
        )
    }

    @Test func embeddedJSONIsAConvene1Document() throws {
        let object = try JSONSerialization.jsonObject(with: Data(BundledSample.bytes))
        let directory = try #require(object as? [String: Any])
        #expect(directory["format"] as? String == "convene/1")
        #expect(directory["notice"] is String, "the sample must tell the user it contains illustrative records")
    }

    @Test func displayNameSaysItIsTheBundledSample() {
        #expect(SampleData.displayName == "<bundled sample>")
    }
}
