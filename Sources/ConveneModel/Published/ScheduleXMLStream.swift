import CLibXML2
#if canImport(Glibc)
import Glibc
#endif

/// Reads a schedule.xml straight from libxml2's SAX events into a ``PublishedSchedule``, with no tree.
///
/// ``XMLTree`` keeps every element, attribute and text of the document so that the
/// mapping can look fields up in any order and name any element in a message. Most
/// of that is never read: this reader keeps only an element stack, copies text only
/// for the fields a schedule has, and fills the schedule as each element ends (on a
/// 1,400-event congress file the tree and the walk over it were about a quarter of
/// the whole `convene summary`).
///
/// It reads exactly what ``ScheduleXMLMapping`` reads, with the same shared field
/// logic (``XMLConferenceFields``, ``XMLDayContext``, ``XMLScheduleParts``): the first
/// child of each name, text before an element's first child, attributes without a
/// prefix. Where it could not give the same schedule in document order it declines
/// (returns nil) and ``ScheduleXMLReader`` reads the file through the tree instead:
/// on every error (which the tree then reports at its element path and line), a
/// DTD or invalid UTF-8 (refused by ``XMLTree/parse(_:file:)``), a `<conference>` or
/// `<tracks>` after the first `<day>`, and a `<day>` with events listed after a `<room>`.
struct ScheduleXMLStream {
    /// What an open element is to the schedule.
    enum Role: UInt8 {
        case ignored, schedule, conference, conferenceField, tracks, track, day, room, event, eventField
        case persons, person, personName, links, link, recording, optout
    }

    struct Frame {
        var role: Role
        /// The field's name, for ``Role/conferenceField`` and ``Role/eventField``.
        var field: XMLName = .schedule
        /// The element's own text so far (before its first child), as a range of ``ScheduleXMLStream/text``.
        var textStart: Int
        var textLength = 0
        var hasChild = false

        /// Whether the element's text is ever read.
        var keepsText: Bool {
            switch role {
            case .conferenceField, .track, .eventField, .person, .personName, .link, .optout: return true
            default: return false
            }
        }
    }

    /// The open elements, innermost last: a fixed stack of ``XMLTree/depthLimit`` frames in memory of its own
    /// (an array's uniqueness check on every push, pop and text append was a tenth of the callbacks' cost).
    var frames = FrameStack()
    /// True while the innermost element keeps its text and has no child yet: text goes to it.
    var textOpen = false
    /// The text of the open elements that keep it, innermost last; an element's is dropped when it ends.
    /// Raw memory, not `[UInt8]`: appending and dropping are a `memcpy` and a count here, where the array's
    /// generic `append(contentsOf:)` and `removeLast(_:)` cost 7 M instructions on a 1,400-event file.
    var text = TextBuffer()
    /// Set when the document is one to leave to the tree; the parser is stopped.
    var declined = false
    var context: xmlParserCtxtPtr?

    var conferenceFields = XMLConferenceFields()
    var conference: PublishedConference?
    var clock: ZoneClock?
    var dayChange: Int?
    /// Which of `<conference>`'s and the current `<event>`'s fields were met (the first of each name counts).
    var conferenceSeen: UInt64 = 0
    var eventSeen: UInt64 = 0
    var sawConference = false
    var sawTracks = false
    var sawDay = false

    var days = 0
    var day: XMLDayContext?
    var dayHasRoom = false
    var room: String?
    var event = XMLEventFields()
    var person: (ids: PublishedIDs, name: String?) = (PublishedIDs(), nil)
    var sawPersonName = false
    var link: String?
    var trackName: String?
    var eventFieldsSeen: (persons: Bool, links: Bool, recording: Bool) = (false, false, false)
    var sawOptout = false

    var parts = XMLScheduleParts()
    var sessions: [PublishedSession] = []
    /// Every `<event>` element, wherever it is: those outside a day or room are counted in a note.
    var eventElements = 0

    /// Reading in parts (``read(file:)``): heard once, as the first `<day>` opens, with what a reader of the
    /// rest of the document needs to go on from there.
    var atFirstDay: ((Continuation) -> Void)?
    /// Where the root element's start tag ends in the document's bytes, when ``atFirstDay`` is set and
    /// libxml2 reads the bytes as they are (no transcoding).
    var rootEnd: Int?
    /// True once a `<day>` without an `index` was read: its index is its position, which a reader of a
    /// later part of the document does not know.
    var dayWithoutIndex = false

    /// Element names by libxml2's dictionary pointer, as in ``XMLSAXBuilder``: -1 for a name a schedule does not use.
    var names = [(pointer: UnsafeRawPointer, bytes: [UInt8], id: Int32)?](repeating: nil, count: XMLSAXBuilder.nameSlots)

    // MARK: Reading

    private typealias Pointer = UnsafeMutablePointer<ScheduleXMLStream>

    /// libxml2 wants its globals set up once, before any parser runs.
    private static let initialised: Bool = {
        xmlInitParser()
        return true
    }()

    /// The schedule, or nil when the document is one for the tree to read (or to refuse).
    static func read(_ bytes: [UInt8]) -> PublishedSchedule? {
        if XMLTree.declaredDTD(bytes) != nil { return nil }
        if XMLTree.readsAsUTF8(bytes), UTF8Check.firstInvalidOffset(bytes[...]) != nil { return nil }
        // libxml2's pull parser, fed through a read callback that copies the next few KiB from `bytes`
        // into its own small buffer. The push parser (``XMLSAXBuilder``) first looks ahead for the end
        // of every tag it is given, a second scan of the document (11 M of 69 M instructions on a
        // 1,400-event congress file, callgrind); the pull parser reads each byte once, and its buffer
        // stays as small as the push parser's (no copy of the whole file, no extra page faults).
        // Both run the same SAX2 code on the same options; any error still sends the file to the tree.
        let source = Source.allocate(capacity: 1)
        defer { source.deallocate() }
        return bytes.withUnsafeBufferPointer { all -> PublishedSchedule? in
            source.initialize(to: (all.baseAddress.map(UnsafeRawPointer.init), all.count, 0))
            let readSome: xmlInputReadCallback = { context, buffer, length in
                guard let context, let buffer, length > 0 else { return 0 }
                let source = context.assumingMemoryBound(to: (base: UnsafeRawPointer?, count: Int, offset: Int).self)
                let n = min(Int(length), source.pointee.count - source.pointee.offset)
                guard n > 0, let base = source.pointee.base else { return 0 }
                memcpy(buffer, base + source.pointee.offset, n)
                source.pointee.offset += n
                return Int32(n)
            }
            var stream = ScheduleXMLStream()
            // Sized for about one event and one person per KiB of file (a congress file has one event per 2 KiB),
            // so that neither table is regrown a dozen times on the way; memory never touched costs nothing.
            stream.reserve(forBytes: bytes.count)
            return parse(&stream, read: readSome, from: UnsafeMutableRawPointer(source)) ? stream.finish() : nil
        }
    }

    /// Sizes the tables for a document of `count` bytes.
    mutating func reserve(forBytes count: Int) {
        let expected = min(count / 1024, 1 << 16)
        sessions.reserveCapacity(expected)
        parts.personKeys.reserveCapacity(expected)
    }

    /// Runs libxml2's pull parser over the document `read` gives from `source`, with `stream` hearing its
    /// events; true when the document ended well-formed and the stream did not decline.
    static func parse(_ stream: inout ScheduleXMLStream, read: xmlInputReadCallback,
                      from source: UnsafeMutableRawPointer) -> Bool {
        _ = initialised
        var handler = saxHandler()
        guard let context = xmlCreateIOParserCtxt(&handler, nil, read, nil, source, XML_CHAR_ENCODING_NONE) else {
            return false
        }
        defer { xmlFreeParserCtxt(context) }
        _ = xmlCtxtUseOptions(context, Int32(XML_PARSE_NONET.rawValue))
        return withUnsafeMutablePointer(to: &stream) { me -> Bool in
            me.pointee.context = context
            defer {
                me.pointee.context = nil
                me.pointee.text.free()
                me.pointee.frames.free()
            }
            context.pointee._private = UnsafeMutableRawPointer(me)
            let status = xmlParseDocument(context)
            context.pointee._private = nil
            return status == 0 && context.pointee.wellFormed != 0 && !me.pointee.declined && me.pointee.frames.isEmpty
        }
    }

    /// The SAX2 callbacks, each handing its event to the stream in the parser's `_private`.
    private static func saxHandler() -> xmlSAXHandler {
        var handler = xmlSAXHandler()
        handler.initialized = UInt32(XML_SAX2_MAGIC)
        handler.startElementNs = { ctx, localname, prefix, _, _, _, attributeCount, _, attributes in
            guard let me = ScheduleXMLStream.of(ctx), let localname else { return }
            // A prefixed name (`x:title`) is not a schedule's element, as in the tree.
            let name: XMLName? = prefix == nil ? XMLName(rawValue: me.pointee.nameID(localname)) : nil
            me.pointee.open(name, attributes: Attributes(count: Int(attributeCount), pointers: attributes))
        }
        handler.endElementNs = { ctx, _, _, _ in
            guard let me = ScheduleXMLStream.of(ctx) else { return }
            me.pointee.close()
        }
        let characters: charactersSAXFunc = { ctx, characters, length in
            guard let me = ScheduleXMLStream.of(ctx), let characters, length > 0 else { return }
            me.pointee.append(UnsafeBufferPointer(start: characters, count: Int(length)))
        }
        handler.characters = characters
        handler.ignorableWhitespace = characters
        handler.cdataBlock = characters
        handler.serror = { ctx, error in
            // An error is the tree's to report (warnings, as there, are not errors).
            guard let me = ScheduleXMLStream.of(ctx), let error, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue
            else { return }
            me.pointee.decline()
        }
        return handler
    }

    /// Where the read callback stands in the document's bytes.
    private typealias Source = UnsafeMutablePointer<(base: UnsafeRawPointer?, count: Int, offset: Int)>

    private static func of(_ ctx: UnsafeMutableRawPointer?) -> Pointer? {
        guard let ctx, let me = ctx.assumingMemoryBound(to: xmlParserCtxt.self).pointee._private else { return nil }
        return me.assumingMemoryBound(to: ScheduleXMLStream.self)
    }

    mutating func decline() {
        guard !declined else { return }
        declined = true
        if let context { xmlStopParser(context) }
    }

    /// The schedule once the document has ended, or nil for the tree to read it.
    func finish() -> PublishedSchedule? {
        guard !declined, frames.isEmpty, var conference else { return nil }
        conference.rooms = parts.rooms
        conference.tracks = parts.tracks
        return PublishedSchedule(format: "schedule.xml", conference: conference, sessions: sessions, persons: parts.persons,
                                 notes: XMLScheduleParts.notes(events: eventElements, read: sessions.count))
    }

    // MARK: Events

    /// An element starts: `name` is nil for one a schedule does not use (or a prefixed one).
    mutating func open(_ name: XMLName?, attributes: Attributes) {
        guard !declined else { return }
        guard frames.count < XMLTree.depthLimit else { return decline() }
        if name == .event { eventElements += 1 }
        var frame = Frame(role: .ignored, textStart: text.count)
        if frames.isEmpty {
            guard name == .schedule else { return decline() }
            frame.role = .schedule
            if atFirstDay != nil { rootEnd = Self.startTagEnd(context) }
        } else {
            let parent = frames.count - 1
            frames[parent].hasChild = true
            textOpen = false
            guard let name else { frames.append(frame); return }
            switch frames[parent].role {
            case .schedule:
                if name == .conference, !sawConference {
                    guard !sawDay else { return decline() }
                    sawConference = true
                    frame.role = .conference
                } else if name == .tracks, !sawTracks {
                    guard !sawDay else { return decline() }
                    sawTracks = true
                    frame.role = .tracks
                } else if name == .day {
                    // The conference's zone and day change place the day's events: it must have been read.
                    guard let known = conference else { return decline() }
                    if !sawDay, let atFirstDay {
                        atFirstDay(Continuation(conference: known, clock: clock, dayChange: dayChange,
                                                sawConference: sawConference, sawTracks: sawTracks, rootEnd: rootEnd))
                    }
                    sawDay = true
                    days += 1
                    let index = attributes.trimmed("index")
                    if index == nil { dayWithoutIndex = true }
                    do {
                        day = try XMLDayContext.read(
                            position: days, date: attributes.trimmed("date"), index: index,
                            start: attributes.trimmed("start"), end: attributes.trimmed("end"), clock: clock,
                            dayChange: dayChange)
                    } catch { return decline() }
                    if let day { conference?.days.append(day.day) }
                    dayHasRoom = false
                    frame.role = .day
                }
            case .conference:
                if XMLConferenceFields.reads(name), Self.firstOf(name, in: &conferenceSeen) {
                    frame.role = .conferenceField
                    frame.field = name
                }
            case .tracks:
                if name == .track {
                    frame.role = .track
                    trackName = attributes.trimmed("name")
                }
            case .day:
                if name == .event {
                    // The tree reads a day's own events before its rooms'; after a room that order is not this one.
                    guard !dayHasRoom else { return decline() }
                    room = nil
                    startEvent(attributes)
                    frame.role = .event
                } else if name == .room {
                    dayHasRoom = true
                    room = attributes.trimmed("name")
                    parts.addRoom(room)
                    frame.role = .room
                }
            case .room:
                if name == .event {
                    startEvent(attributes)
                    frame.role = .event
                }
            case .event:
                if XMLEventFields.reads(name) {
                    if Self.firstOf(name, in: &eventSeen) {
                        frame.role = .eventField
                        frame.field = name
                    }
                } else if name == .persons, !eventFieldsSeen.persons {
                    eventFieldsSeen.persons = true
                    frame.role = .persons
                } else if name == .links, !eventFieldsSeen.links {
                    eventFieldsSeen.links = true
                    frame.role = .links
                } else if name == .recording, !eventFieldsSeen.recording {
                    eventFieldsSeen.recording = true
                    frame.role = .recording
                }
            case .persons:
                if name == .person {
                    person = (PublishedIDs(trimmedGUID: attributes.trimmed("guid"), code: attributes.trimmed("code"),
                                           id: attributes.trimmed("id")), nil)
                    sawPersonName = false
                    frame.role = .person
                }
            case .person:
                if name == .name, !sawPersonName {
                    sawPersonName = true
                    frame.role = .personName
                }
            case .links:
                if name == .link {
                    link = attributes.trimmed("href")
                    frame.role = .link
                }
            case .recording:
                if name == .optout, !sawOptout {
                    sawOptout = true
                    frame.role = .optout
                }
            default:
                break
            }
        }
        frames.append(frame)
        textOpen = frame.keepsText
    }

    private mutating func startEvent(_ attributes: Attributes) {
        if !event.isEmpty { event = XMLEventFields() }
        event.ids = PublishedIDs(trimmedGUID: attributes.trimmed("guid"), code: attributes.trimmed("code"),
                                 id: attributes.trimmed("id"))
        eventSeen = 0
        eventFieldsSeen = (false, false, false)
        sawOptout = false
    }

    /// True the first time `name` is met in `seen` (a bit per ``XMLName``).
    private static func firstOf(_ name: XMLName, in seen: inout UInt64) -> Bool {
        let bit: UInt64 = 1 << UInt64(name.rawValue)
        defer { seen |= bit }
        return seen & bit == 0
    }

    /// Text goes to the innermost element while it has no child, as in ``XMLTree/appendText(_:)``.
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard textOpen, !declined else { return }
        let top = frames.count - 1
        if frames[top].textLength == 0 { frames[top].textStart = text.count }
        text.append(bytes)
        frames[top].textLength += bytes.count
    }

    /// The ending element's own text without XML white space at either end. (Static, on the buffer alone:
    /// as methods on `self` these copied the whole reader's state for every call, 2.6 M instructions.)
    private static func trimmed(_ frame: Frame, in text: TextBuffer) -> String {
        text.trimmedString(from: frame.textStart, count: frame.textLength)
    }

    private static func nonBlank(_ frame: Frame, in text: TextBuffer) -> String? {
        let t = trimmed(frame, in: text)
        return t.isEmpty ? nil : t
    }

    /// The innermost open element ends.
    mutating func close() {
        guard !declined, let frame = frames.popLast() else { return }
        // The element that held this one has a child now: later text is not its own.
        textOpen = false
        switch frame.role {
        case .conferenceField:
            conferenceFields.set(frame.field, Self.nonBlank(frame, in: text))
        case .conference:
            do { (conference, clock, dayChange) = try conferenceFields.read() } catch { return decline() }
        case .track:
            parts.addTrack(trackName ?? Self.trimmed(frame, in: text))
        case .room:
            room = nil
        case .event:
            guard let day else { return decline() }
            // The fields move into the session (no copy of each string, nothing left to release at the next event).
            var fields = XMLEventFields()
            swap(&fields, &event)
            do { sessions.append(try parts.session(consume fields, in: day, room: room, clock: clock)) } catch { return decline() }
        case .eventField:
            event.set(frame.field, Self.nonBlank(frame, in: text))
        case .person:
            // Newer FOSDEM files nest <name> (and <slug>, <biography>) inside <person>.
            event.persons.append((person.name ?? Self.trimmed(frame, in: text), person.ids))
        case .personName:
            person.name = Self.nonBlank(frame, in: text)
        case .link:
            if let link {
                let t = Self.trimmed(frame, in: text)
                event.links.append(PublishedLink(url: link, title: t.isEmpty ? nil : t))
            }
        case .optout:
            if let t = Self.nonBlank(frame, in: text) { event.recordingOptOut = t == "true" || t == "1" }
        default:
            break
        }
        // Inner text was appended after the outer element's: dropping it leaves the outer element's in place.
        if frame.textLength > 0, frame.textStart + frame.textLength == text.count { text.count = frame.textStart }
    }

    /// The element name's ``XMLName`` id, or -1; looked up once per libxml2 dictionary pointer.
    ///
    /// A hit is checked against the bytes, as in ``XMLSAXBuilder``, by one walk that stops at the first
    /// difference or at the end of the name (no `strlen` and `memcmp` of the whole name on every element).
    mutating func nameID(_ pointer: UnsafePointer<xmlChar>) -> Int32 {
        let key = UnsafeRawPointer(pointer)
        let address = UInt(bitPattern: key)
        let slot = Int(truncatingIfNeeded: address ^ (address >> 9)) & (XMLSAXBuilder.nameSlots - 1)
        if let known = names[slot], known.pointer == key, Self.spells(pointer, known.bytes) {
            return known.id
        }
        let length = strlen(UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self))
        let bytes = Array(UnsafeBufferPointer(start: pointer, count: length))
        let id = XMLName.ids[String(decoding: bytes, as: UTF8.self)] ?? -1
        names[slot] = (key, bytes, id)
        return id
    }

    /// True when the NUL-terminated name at `pointer` is exactly `bytes`.
    private static func spells(_ pointer: UnsafePointer<xmlChar>, _ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { b in
            for i in 0..<b.count where pointer[i] != b[i] { return false }  // a shorter name stops at its NUL
            return pointer[b.count] == 0
        }
    }

    /// libxml2's attributes of one element: five pointers each (local name, prefix, URI, value start, value end).
    struct Attributes {
        let count: Int
        let pointers: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?

        /// The value of the unprefixed attribute `name`, trimmed; nil when absent or blank (``XMLTree/attribute(_:_:)``).
        func trimmed(_ name: StaticString) -> String? {
            guard let pointers else { return nil }
            for a in 0..<count {
                guard let local = pointers[5 * a], pointers[5 * a + 1] == nil,
                      strcmp(UnsafeRawPointer(local).assumingMemoryBound(to: CChar.self),
                             UnsafeRawPointer(name.utf8Start).assumingMemoryBound(to: CChar.self)) == 0 else { continue }
                guard var start = pointers[5 * a + 3], var end = pointers[5 * a + 4] else { return nil }
                // Trimmed on the bytes, before a string is made (`&#38;` has no space at either end to lose).
                func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
                while start < end, isSpace(start.pointee) { start += 1 }
                while end > start, isSpace((end - 1).pointee) { end -= 1 }
                guard start < end else { return nil }
                return XMLSAXBuilder.attributeText(UnsafeBufferPointer(start: start, count: end - start))
            }
            return nil
        }
    }
}


/// A growing run of bytes in memory of its own, for ``ScheduleXMLStream``'s element text; freed by its owner.
struct TextBuffer {
    private(set) var base: UnsafeMutablePointer<UInt8>?
    private var capacity = 0
    /// How many bytes are in use; set lower to drop the last ones.
    var count = 0

    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        if count + bytes.count > capacity {
            let grown = max(64 * 1024, 2 * (count + bytes.count))
            let memory = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
            if let base {
                memory.update(from: base, count: count)
                base.deallocate()
            }
            base = memory
            capacity = grown
        }
        base.map { ($0 + count).update(from: source, count: bytes.count) }
        count += bytes.count
    }

    /// The bytes `start..<start + length` as a string, without XML white space at either end.
    func trimmedString(from start: Int, count length: Int) -> String {
        guard let base, length > 0 else { return "" }
        var first = base + start, end = first + length
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        while first < end, isSpace(first.pointee) { first += 1 }
        while end > first, isSpace((end - 1).pointee) { end -= 1 }
        return String(decoding: UnsafeBufferPointer(start: first, count: end - first), as: UTF8.self)
    }

    mutating func free() {
        base?.deallocate()
        base = nil
        capacity = 0
        count = 0
    }
}

/// ``ScheduleXMLStream``'s open elements: room for ``XMLTree/depthLimit`` frames, allocated once, freed by its owner.
struct FrameStack {
    private var base = UnsafeMutablePointer<ScheduleXMLStream.Frame>.allocate(capacity: XMLTree.depthLimit + 1)
    private(set) var count = 0

    var isEmpty: Bool { count == 0 }

    /// Callers keep `count` below ``XMLTree/depthLimit`` (``ScheduleXMLStream/open(_:attributes:)`` declines first).
    mutating func append(_ frame: ScheduleXMLStream.Frame) {
        precondition(count <= XMLTree.depthLimit)
        (base + count).initialize(to: frame)
        count += 1
    }

    mutating func popLast() -> ScheduleXMLStream.Frame? {
        guard count > 0 else { return nil }
        count -= 1
        return (base + count).move()
    }

    subscript(index: Int) -> ScheduleXMLStream.Frame {
        get { base[index] }
        nonmutating set { base[index] = newValue }
    }

    mutating func free() {
        base.deinitialize(count: count)
        base.deallocate()
        count = 0
    }
}
