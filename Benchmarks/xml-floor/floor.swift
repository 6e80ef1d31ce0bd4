import CLibXML2
#if canImport(Glibc)
import Glibc
#endif

// Issue 13's floor for schedule.xml, as a Swift process (no Foundation): start, read the file, run
// libxml2's SAX2 over it with empty callbacks. usage: floor-swift MODE FILE [OPTIONS]
// MODE: none (read only) | push (64 KiB pieces) | mem | memctx; OPTIONS: nodict compact noblanks nochars.
// See floor.sh.
let args = CommandLine.arguments
let mode = args[1]
let path = args[2]
let optNames = args.dropFirst(3)
var options: Int32 = Int32(XML_PARSE_NONET.rawValue)
var withChars = true
for o in optNames {
    switch o {
    case "nodict": options |= Int32(XML_PARSE_NODICT.rawValue)
    case "compact": options |= Int32(XML_PARSE_COMPACT.rawValue)
    case "noblanks": options |= Int32(XML_PARSE_NOBLANKS.rawValue)
    case "nochars": withChars = false
    case "huge": options |= Int32(XML_PARSE_HUGE.rawValue)
    default: break
    }
}
let fd = open(path, O_RDONLY)
var st = stat(); fstat(fd, &st)
let size = Int(st.st_size)
var bytes = [UInt8](repeating: 0, count: size + 1)
_ = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress, size) }
close(fd)
xmlInitParser()
var handler = xmlSAXHandler()
handler.initialized = UInt32(XML_SAX2_MAGIC)
handler.startElementNs = { _, _, _, _, _, _, _, _, _ in }
handler.endElementNs = { _, _, _, _ in }
if withChars {
    let t: charactersSAXFunc = { _, _, _ in }
    handler.characters = t; handler.ignorableWhitespace = t; handler.cdataBlock = t
}
var status: Int32 = 0
switch mode {
case "push":
    bytes.withUnsafeBufferPointer { all in
        all.withMemoryRebound(to: CChar.self) { c in
            let ctx = xmlCreatePushParserCtxt(&handler, nil, c.baseAddress, 4, nil)
            _ = xmlCtxtUseOptions(ctx, options)
            var off = 4
            while true {
                let piece = min(65536, size - off)
                let last = off + piece == size
                status = xmlParseChunk(ctx, c.baseAddress! + off, Int32(piece), last ? 1 : 0)
                off += piece
                if last || status != 0 { break }
            }
            xmlFreeParserCtxt(ctx)
        }
    }
case "mem":
    bytes.withUnsafeBufferPointer { all in
        all.withMemoryRebound(to: CChar.self) { c in
            status = xmlSAXUserParseMemory(&handler, nil, c.baseAddress, Int32(size))
        }
    }
case "memctx":
    bytes.withUnsafeBufferPointer { all in
        all.withMemoryRebound(to: CChar.self) { c in
            let ctx = xmlCreateMemoryParserCtxt(c.baseAddress, Int32(size))!
            // swap in our SAX handler
            let old = ctx.pointee.sax
            ctx.pointee.sax = withUnsafeMutablePointer(to: &handler) { $0 }
            ctx.pointee.userData = nil
            _ = xmlCtxtUseOptions(ctx, options)
            status = xmlParseDocument(ctx)
            ctx.pointee.sax = old
            xmlFreeParserCtxt(ctx)
        }
    }
default: break
}
if status != 0 { print("status", status) }
