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
final class XMLSAXBuilder {
    var tree = XMLTree()
    var current = -1
    var depth = 0
    var refusal: (line: Int, column: Int, problem: String)?
    /// Where libxml2 stood at the first error, and that error's code.
    var firstError: (line: Int, column: Int, code: Int)?
    /// Element and attribute names by libxml2's dictionary pointer (checked against the bytes on each hit).
    var names: [UnsafeRawPointer: String] = [:]
    let context: xmlParserCtxtPtr?

    private init(context: xmlParserCtxtPtr?) { self.context = context }

    /// libxml2 wants its globals set up once, before any parser runs.
    private static let initialised: Bool = {
        xmlInitParser()
        return true
    }()

    /// Parses `bytes` into a tree; throws a ``PublishedReadError`` at the line and column of the first problem.
    static func build(_ bytes: [UInt8], file: String) throws(PublishedReadError) -> XMLTree {
        _ = initialised
        var handler = xmlSAXHandler()
        handler.initialized = UInt32(XML_SAX2_MAGIC)
        handler.startElementNs = { ctx, localname, prefix, _, namespaceCount, namespaces, attributeCount, _, attributes in
            guard let builder = XMLSAXBuilder.of(ctx) else { return }
            builder.startElement(localname, prefix, namespaceCount, namespaces, attributeCount, attributes)
        }
        handler.endElementNs = { ctx, _, _, _ in
            guard let builder = XMLSAXBuilder.of(ctx) else { return }
            builder.depth -= 1
            if builder.current >= 0 { builder.current = builder.tree.nodes[builder.current].parent }
        }
        let text: charactersSAXFunc = { ctx, characters, length in
            guard let builder = XMLSAXBuilder.of(ctx), let characters, length > 0 else { return }
            builder.appendText(UnsafeBufferPointer(start: characters, count: Int(length)))
        }
        handler.characters = text
        handler.ignorableWhitespace = text
        handler.cdataBlock = text
        handler.serror = { ctx, error in
            guard let builder = XMLSAXBuilder.of(ctx), let error else { return }
            // Warnings (a relative namespace URI) are not errors; FoundationXML did not stop on them either.
            guard error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue, builder.firstError == nil else { return }
            let (line, column) = builder.position
            builder.firstError = (line, column, Int(error.pointee.code))
        }

        // The first four bytes let libxml2 detect the encoding (a UTF-16 byte-order mark), as FoundationXML did.
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

        let builder = XMLSAXBuilder(context: context)
        // With no user data, libxml2 passes the context itself to every callback; `_private` leads back here.
        context.pointee._private = Unmanaged.passUnretained(builder).toOpaque()
        let status = withExtendedLifetime(builder) {
            bytes.dropFirst(head.count).withContiguousStorageIfAvailable { rest in
                rest.withMemoryRebound(to: CChar.self) { c in
                    xmlParseChunk(context, c.baseAddress, Int32(c.count), 1)
                }
            } ?? -1
        }
        context.pointee._private = nil

        if let refusal = builder.refusal {
            throw PublishedReadError(file: file, place: .lineColumn(line: refusal.line, column: refusal.column),
                                     problem: refusal.problem)
        }
        if status != 0 || context.pointee.wellFormed == 0 || builder.tree.nodes.isEmpty {
            let error = builder.firstError ?? (builder.position.line, builder.position.column, 4)
            throw PublishedReadError(file: file, place: .lineColumn(line: max(error.line, 1), column: max(error.column, 1)),
                                     problem: "not well-formed XML: " + XMLErrorWords.describe(code: error.code))
        }
        return builder.tree
    }

    /// The builder behind a callback's context pointer.
    private static func of(_ ctx: UnsafeMutableRawPointer?) -> XMLSAXBuilder? {
        guard let ctx, let me = ctx.assumingMemoryBound(to: xmlParserCtxt.self).pointee._private else { return nil }
        return Unmanaged<XMLSAXBuilder>.fromOpaque(me).takeUnretainedValue()
    }

    /// libxml2's current line and column (1-based; the column counts characters), as `XMLParser` reported them.
    var position: (line: Int, column: Int) {
        guard let context, let input = context.pointee.input else { return (1, 1) }
        return (Int(input.pointee.line), Int(input.pointee.col))
    }

    private func startElement(_ localname: UnsafePointer<xmlChar>?, _ prefix: UnsafePointer<xmlChar>?,
                              _ namespaceCount: Int32, _ namespaces: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?,
                              _ attributeCount: Int32, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        depth += 1
        if depth > XMLTree.depthLimit {
            let (line, column) = position
            refusal = (line, column, "elements are nested more than \(XMLTree.depthLimit) deep; no schedule is")
            xmlStopParser(context)
            return
        }
        var attributeValues: [String: String] = [:]
        // Names as written (`prefix:name`), namespace declarations as `xmlns` attributes: namespaces are not processed.
        if let namespaces, namespaceCount > 0 {
            for n in 0..<Int(namespaceCount) {
                let declared = namespaces[2 * n].map { "xmlns:" + name($0) } ?? "xmlns"
                attributeValues[declared] = namespaces[2 * n + 1].map { String(cString: $0) } ?? ""
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
                attributeValues[key] = value
            }
        }
        let index = tree.nodes.count
        tree.nodes.append(XMLTree.Node(name: localname.map { qualified($0, prefix) } ?? "", attributes: attributeValues,
                                       text: "", children: [], parent: current, line: position.line))
        if current >= 0 { tree.nodes[current].children.append(index) }
        current = index
    }

    /// Text is kept for leaf elements only: what lies between the children of `<day>` or `<event>` is
    /// indentation, and a schedule's fields (`<title>`, `<abstract>`) have no child elements.
    private func appendText(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard current >= 0, tree.nodes[current].children.isEmpty else { return }
        tree.nodes[current].text += String(decoding: bytes, as: UTF8.self)
    }

    private func qualified(_ local: UnsafePointer<xmlChar>, _ prefix: UnsafePointer<xmlChar>?) -> String {
        guard let prefix else { return name(local) }
        return name(prefix) + ":" + name(local)
    }

    /// The name at a libxml2 dictionary pointer, made into a `String` once per distinct name.
    private func name(_ pointer: UnsafePointer<xmlChar>) -> String {
        let length = strlen(UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self))
        let bytes = UnsafeBufferPointer(start: pointer, count: length)
        let key = UnsafeRawPointer(pointer)
        // The dictionary never frees a name while the parser lives, but a name that did not come from it
        // could reuse an address: the bytes are compared, so a stale entry is never returned.
        if let known = names[key], known.utf8.elementsEqual(bytes) { return known }
        let made = String(decoding: bytes, as: UTF8.self)
        names[key] = made
        return made
    }

    /// An attribute value as libxml2 reports it without entity substitution: every `&` arrives as `&#38;`.
    static func attributeText(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard bytes.contains(UInt8(ascii: "&")) else { return String(decoding: bytes, as: UTF8.self) }
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
