import CLibXML2
#if canImport(Glibc)
import Glibc
#endif

/// Builds an ``XMLTree`` from libxml2's SAX2 callbacks, without FoundationXML in between.
///
/// FoundationXML's `XMLParser` is libxml2 underneath, but it turns every callback
/// into `String`s, `[String: String]` attribute dictionaries and Objective-C-style
/// delegate calls: on a 2.9 MB congress schedule an empty delegate alone cost
/// 15–18 ms. Here element names are interned (libxml2 hands out one pointer per
/// distinct name from its dictionary), text is appended straight from libxml2's
/// buffer, and nothing else is allocated.
///
/// The same guarantees as before, kept on purpose:
/// - no DTD is read and no entity is resolved: the handler has no DTD or entity
///   callbacks, options are `XML_PARSE_NONET` only (no `NOENT`, no `DTDLOAD`), and
///   ``XMLTree/parse(_:file:)`` refuses a declared DTD before libxml2 runs;
/// - errors carry the line and column where libxml2 stood at the first error, and
///   its error code (``XMLErrorWords``), as FoundationXML reported them;
/// - elements are nested at most ``XMLTree/depthLimit`` deep.
///
/// libxml2 reports attribute values with `&` written as `&#38;` when entities are
/// not substituted (its SAX2 contract), so that one sequence is decoded here.
///
/// The builder is a struct that lives in memory of its own for one parse, and libxml2's callbacks reach it
/// through that pointer: a class's stored properties would be checked for exclusive access at run time on
/// every callback (a twentieth of a whole `convene summary` on a congress file, measured with callgrind).
struct XMLSAXBuilder {
    var tree = XMLTree()
    var depth = 0
    var refusal: (line: Int, column: Int, problem: String)?
    /// Where libxml2 stood at the first error, and that error's code.
    var firstError: (line: Int, column: Int, code: Int)?
    /// Element and attribute names by libxml2's dictionary pointer (checked against the bytes on each hit), in a
    /// small table indexed by the pointer's low bits: a schedule has a few dozen names, so hits are the rule
    /// and a hit costs a length and a `memcmp`, no hashing.
    var names = [NameEntry?](repeating: nil, count: XMLSAXBuilder.nameSlots)
    static let nameSlots = 512

    struct NameEntry {
        let pointer: UnsafeRawPointer
        let bytes: [UInt8]
        let string: String
        let id: Int32
    }
    let context: xmlParserCtxtPtr?

    private init(context: xmlParserCtxtPtr?) { self.context = context }

    /// A builder that has a place in memory, for libxml2's callbacks to reach.
    private typealias Pointer = UnsafeMutablePointer<XMLSAXBuilder>

    /// How much of the document libxml2 is given at a time.
    static let pieceSize = 64 * 1024

    /// libxml2 wants its globals set up once, before any parser runs.
    private static let initialised: Bool = {
        xmlInitParser()
        return true
    }()

    /// Parses `bytes` into a tree; throws a ``PublishedReadError`` at the line and column of the first problem.
    /// Feeds `bytes` from `offset` to libxml2's push parser `context` in ``pieceSize`` pieces, the last
    /// one marked as the end, until libxml2 reports an error or `stop` says the callbacks gave up;
    /// libxml2's status of the last piece fed.
    static func feed(_ context: xmlParserCtxtPtr, _ bytes: [UInt8], from offset: Int, stop: () -> Bool) -> Int32 {
        bytes.withUnsafeBufferPointer { all in
            all.withMemoryRebound(to: CChar.self) { c in
                var offset = offset
                while true {
                    let piece = min(pieceSize, c.count - offset)
                    let last = offset + piece == c.count
                    let result = xmlParseChunk(context, c.baseAddress.map { $0 + offset }, Int32(piece), last ? 1 : 0)
                    offset += piece
                    if result != 0 || last || stop() { return result }
                }
            }
        }
    }

    static func build(_ bytes: [UInt8], file: String) throws(PublishedReadError) -> XMLTree {
        _ = initialised
        var handler = xmlSAXHandler()
        handler.initialized = UInt32(XML_SAX2_MAGIC)
        handler.startElementNs = { ctx, localname, prefix, _, namespaceCount, namespaces, attributeCount, _, attributes in
            guard let builder = XMLSAXBuilder.of(ctx) else { return }
            builder.pointee.startElement(localname, prefix, namespaceCount, namespaces, attributeCount, attributes)
        }
        handler.endElementNs = { ctx, _, _, _ in
            guard let builder = XMLSAXBuilder.of(ctx) else { return }
            builder.pointee.depth -= 1
            builder.pointee.tree.close()
        }
        let text: charactersSAXFunc = { ctx, characters, length in
            guard let builder = XMLSAXBuilder.of(ctx), let characters, length > 0 else { return }
            builder.pointee.tree.appendText(UnsafeBufferPointer(start: characters, count: Int(length)))
        }
        handler.characters = text
        handler.ignorableWhitespace = text
        handler.cdataBlock = text
        handler.serror = { ctx, error in
            guard let builder = XMLSAXBuilder.of(ctx), let error else { return }
            // Warnings (a relative namespace URI) are not errors; FoundationXML did not stop on them either.
            guard error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue, builder.pointee.firstError == nil else { return }
            let (line, column) = builder.pointee.position
            builder.pointee.firstError = (line, column, Int(error.pointee.code))
        }

        // A push parser, as FoundationXML used (libxml2's memory and static inputs need a NUL after the last
        // byte, which a Swift array does not have). The first four bytes let it detect the encoding.
        let head = Array(bytes.prefix(4))
        guard let context = head.withUnsafeBufferPointer({ h in
            h.withMemoryRebound(to: CChar.self) { c in
                xmlCreatePushParserCtxt(&handler, nil, c.baseAddress, Int32(c.count), nil)
            }
        }) else {
            throw PublishedReadError(file: file, place: .none, problem: "libxml2 could not start a parser (out of memory)")
        }
        defer { xmlFreeParserCtxt(context) }
        _ = xmlCtxtUseOptions(context, Int32(XML_PARSE_NONET.rawValue))

        let builder = Pointer.allocate(capacity: 1)
        builder.initialize(to: XMLSAXBuilder(context: context))
        defer {
            builder.deinitialize(count: 1)
            builder.deallocate()
        }
        // Every element has a '<'; reserving for all of them spares the array's regrowth copies. They are
        // counted with memchr, which skips the text between them many bytes at a time.
        builder.pointee.tree.nodes.reserveCapacity(bytes.withUnsafeBytes { b in
            guard let base = b.baseAddress else { return 0 }
            var count = 0, at = base
            let end = base + b.count
            while at < end, let found = memchr(at, Int32(UInt8(ascii: "<")), end - at) {
                count += 1
                at = UnsafeRawPointer(found) + 1
            }
            return count
        })
        // Text is never longer than the document (entities and CDATA only shrink it): one buffer, never regrown.
        builder.pointee.tree.textBytes.reserveCapacity(bytes.count)
        // With no user data, libxml2 passes the context itself to every callback; `_private` leads back here.
        context.pointee._private = UnsafeMutableRawPointer(builder)
        // Fed in 64 KiB pieces, libxml2 drops what it has parsed and its buffer stays small; given the whole
        // document at once it copies it into a buffer grown by doubling (a third of the time was page faults).
        let status = feed(context, bytes, from: head.count) { builder.pointee.refusal != nil }
        context.pointee._private = nil

        if let refusal = builder.pointee.refusal {
            throw PublishedReadError(file: file, place: .lineColumn(line: refusal.line, column: refusal.column),
                                     problem: refusal.problem)
        }
        if status != 0 || context.pointee.wellFormed == 0 || builder.pointee.tree.nodes.isEmpty {
            let error = builder.pointee.firstError ?? (builder.pointee.position.line, builder.pointee.position.column, 4)
            throw PublishedReadError(file: file, place: .lineColumn(line: max(error.line, 1), column: max(error.column, 1)),
                                     problem: "not well-formed XML: " + XMLErrorWords.describe(code: error.code))
        }
        return builder.pointee.tree
    }

    /// The builder behind a callback's context pointer.
    private static func of(_ ctx: UnsafeMutableRawPointer?) -> Pointer? {
        guard let ctx, let me = ctx.assumingMemoryBound(to: xmlParserCtxt.self).pointee._private else { return nil }
        return me.assumingMemoryBound(to: XMLSAXBuilder.self)
    }

    /// libxml2's current line and column (1-based; the column counts characters), as `XMLParser` reported them.
    var position: (line: Int, column: Int) {
        guard let context, let input = context.pointee.input else { return (1, 1) }
        return (Int(input.pointee.line), Int(input.pointee.col))
    }

    private mutating func startElement(_ localname: UnsafePointer<xmlChar>?, _ prefix: UnsafePointer<xmlChar>?,
                              _ namespaceCount: Int32, _ namespaces: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?,
                              _ attributeCount: Int32, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        depth += 1
        if depth > XMLTree.depthLimit {
            let (line, column) = position
            refusal = (line, column, "elements are nested more than \(XMLTree.depthLimit) deep; no schedule is")
            xmlStopParser(context)
            return
        }
        let attributeStart = tree.attributeList.count
        // Names as written (`prefix:name`), namespace declarations as `xmlns` attributes: namespaces are not processed.
        if let namespaces, namespaceCount > 0 {
            for n in 0..<Int(namespaceCount) {
                let declared = namespaces[2 * n].map { "xmlns:" + name($0).string } ?? "xmlns"
                tree.attributeList.append((declared, namespaces[2 * n + 1].map { String(cString: $0) } ?? ""))
            }
        }
        if let attributes, attributeCount > 0 {
            for a in 0..<Int(attributeCount) {
                // Five pointers per attribute: local name, prefix, URI, value start, value end.
                guard let local = attributes[5 * a] else { continue }
                let key = qualified(local, attributes[5 * a + 1])
                var value = ""
                if let start = attributes[5 * a + 3], let end = attributes[5 * a + 4] {
                    value = Self.attributeText(UnsafeBufferPointer(start: start, count: end - start))
                }
                tree.attributeList.append((key, value))
            }
        }
        let id = localname.map { elementName($0, prefix) } ?? tree.nameID("")
        tree.open(nameID: id, attributesFrom: attributeStart, line: position.line)
    }

    private mutating func qualified(_ local: UnsafePointer<xmlChar>, _ prefix: UnsafePointer<xmlChar>?) -> String {
        guard let prefix else { return name(local).string }
        return name(prefix).string + ":" + name(local).string
    }

    /// An element's name id; unprefixed names (all of a schedule's) are looked up once per pointer.
    private mutating func elementName(_ local: UnsafePointer<xmlChar>, _ prefix: UnsafePointer<xmlChar>?) -> Int32 {
        guard prefix == nil else { return tree.nameID(qualified(local, prefix)) }
        return name(local).id
    }

    /// The name at a libxml2 dictionary pointer, made into a `String` (and given a tree name id) once per name.
    private mutating func name(_ pointer: UnsafePointer<xmlChar>) -> (string: String, id: Int32) {
        let length = strlen(UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self))
        let bytes = UnsafeBufferPointer(start: pointer, count: length)
        let key = UnsafeRawPointer(pointer)
        // libxml2's dictionary packs its strings one after the other: the low bits of the address tell them apart.
        let address = UInt(bitPattern: key)
        let slot = Int(truncatingIfNeeded: address ^ (address >> 9)) & (Self.nameSlots - 1)
        // The dictionary never frees a name while the parser lives, but a name that did not come from it
        // could reuse an address: the bytes are compared, so a stale entry is never returned.
        if let known = names[slot], known.pointer == key, known.bytes.count == length,
           known.bytes.withUnsafeBufferPointer({ b in b.baseAddress.map { memcmp($0, pointer, length) == 0 } ?? true }) {
            return (known.string, known.id)
        }
        let made = String(decoding: bytes, as: UTF8.self)
        let id = tree.nameID(made)
        names[slot] = NameEntry(pointer: key, bytes: Array(bytes), string: made, id: id)
        return (made, id)
    }

    /// An attribute value as libxml2 reports it without entity substitution: every `&` arrives as `&#38;`.
    static func attributeText(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        // memchr, not `contains`: the generic loop was a third of this function's cost over 9,900 attributes.
        let escapes = bytes.baseAddress.map { memchr($0, Int32(UInt8(ascii: "&")), bytes.count) != nil } ?? false
        guard escapes else { return String(decoding: bytes, as: UTF8.self) }
        let escaped: [UInt8] = Array("&#38;".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "&"), i + escaped.count <= bytes.count,
               bytes[i..<(i + escaped.count)].elementsEqual(escaped) {
                out.append(UInt8(ascii: "&"))
                i += escaped.count
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
