import Testing
@testable import ConveneModel

/// The lexer's fast paths against the full checks they stand before: plain keys
/// (``JSONByteReader/scanPlainKeyAndColon()``) and common UTF-8 sequences.
@Suite struct JSONLexerFastPathTests {
    /// What the full lexer makes of a key at the start of `bytes`: its text and where the cursor
    /// stands after `:`, or nil when the key is not followed at once by a colon (or fails).
    static func general(_ bytes: [UInt8], limits: JSONLimits) -> (text: [UInt8], next: Int)? {
        bytes.withUnsafeBufferPointer { buffer in
            var reader = JSONByteReader(bytes: buffer, limits: limits)
            guard let span = try? reader.scanString() else { return nil }
            let text = reader.withBytes(of: span) { Array($0) }
            guard reader.index < reader.end, buffer[reader.index] == UInt8(ascii: ":") else { return nil }
            return (text, reader.index + 1)
        }
    }

    /// Keys of every length to 20, plain and with a quote, backslash, control, UTF-8 or space at each
    /// place, followed by a colon or not, at the end of the buffer or not, under a tight string limit.
    @Test func theFastPathAgreesWithTheFullScanOrStepsAside() {
        var taken = 0, cases = 0
        let oddities: [[UInt8]] = [[UInt8(ascii: "\"")], Array(#"\""#.utf8), Array(#"\u0041"#.utf8), [0x09], [0xC3, 0xA9], [0x20], [0x7F]]
        for length in 0...20 {
            var keys: [[UInt8]] = [(0..<length).map { UInt8(0x61 + $0 % 26) }]
            for position in 0..<length {
                for odd in oddities {
                    var key = keys[0]
                    key.replaceSubrange(position..<position + 1, with: odd)
                    keys.append(key)
                }
            }
            for key in keys {
                for after in [":1,\"padding-padding-padding\"", " :1", "", ":", "x:"] {
                    for limits in [JSONLimits.default, JSONLimits(maxStringBytes: 3)] {
                        let bytes = [UInt8(ascii: "\"")] + key + [UInt8(ascii: "\"")] + Array(after.utf8)
                        let fast: (text: [UInt8], next: Int)? = bytes.withUnsafeBufferPointer { buffer in
                            var reader = JSONByteReader(bytes: buffer, limits: limits)
                            guard let span = reader.scanPlainKeyAndColon() else {
                                #expect(reader.index == 0, "a refusal leaves the cursor")
                                return nil
                            }
                            return (Array(buffer[span]), reader.index)
                        }
                        cases += 1
                        guard let fast else { continue }
                        taken += 1
                        let general = Self.general(bytes, limits: limits)
                        #expect(general?.text == fast.text && general?.next == fast.next,
                                "\(String(decoding: bytes, as: UTF8.self))")
                    }
                }
            }
        }
        #expect(taken > 100 && taken < cases, "taken \(taken) of \(cases)")
    }

    /// Every lead byte with every second byte and a range of third bytes: where the fast step
    /// takes a sequence, the full check accepts it with the same length; elsewhere it steps aside.
    @Test func theCommonUTF8StepAgreesWithTheFullCheck() {
        var taken = 0
        let thirds: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0x9F, 0xA0, 0xBF, 0xC0, 0xE0, 0xFF]
        for lead in UInt8(0x80)...0xFF {
            for second in UInt8(0)...0xFF {
                for third in thirds {
                    for bytes in [[lead, second, third, 0x22], [lead, second], [lead]] {
                        bytes.withUnsafeBufferPointer { buffer in
                            var fast = JSONByteReader(bytes: buffer, limits: .default)
                            var full = fast
                            let took = fast.skipCommonUTF8Sequence(lead)
                            let accepted = (try? full.skipUTF8Sequence()) != nil
                            if took {
                                taken += 1
                                #expect(accepted && full.index == fast.index, "\(bytes)")
                            } else {
                                #expect(fast.index == 0, "\(bytes)")
                            }
                        }
                    }
                }
            }
        }
        #expect(taken > 10_000, "\(taken)")
    }

    /// `true`, `false` and `null` followed by every byte, at the buffer's end, cut short, or with
    /// one byte changed: accepted exactly when the word is whole and ends there.
    @Test func literalsAreAcceptedExactlyWhenWhole() {
        for literal in ["true", "false", "null"] {
            let word = Array(literal.utf8)
            var inputs: [[UInt8]] = [word, Array(word.dropLast())]
            for next in UInt8(0)...0xFF { inputs.append(word + [next] + Array("  ".utf8)) }
            for position in word.indices {
                var typo = word
                typo[position] ^= 0x20
                inputs.append(typo + Array(",  ".utf8))
            }
            for input in inputs {
                let expected = input.starts(with: word)
                    && (input.count == word.count || !JSONByteReader.isWordByte(input[word.count]))
                let accepted: Bool = input.withUnsafeBufferPointer { buffer in
                    var reader = JSONByteReader(bytes: buffer, limits: .default)
                    let ok: Bool
                    switch literal {
                    case "true": ok = (try? reader.readLiteral("true", context: .afterColon)) != nil
                    case "false": ok = (try? reader.readLiteral("false", context: .afterColon)) != nil
                    default: ok = (try? reader.readLiteral("null", context: .afterColon)) != nil
                    }
                    #expect(reader.index == (ok ? word.count : 0))
                    return ok
                }
                #expect(accepted == expected, "\(literal): \(input)")
            }
        }
    }
}
