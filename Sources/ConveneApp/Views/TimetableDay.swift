import ConveneModel

/// One conference day of the Timetable, laid out: its rooms as columns and its sessions as blocks.
///
/// Built from the sessions the filter lets through (the same ``DirectoryIndex/sessions(_:)``
/// call as the Agenda, so a room, track or day filter narrows the columns for free), once per
/// ``AppState/refresh()``, and kept in ``TimetableState/day``: a frame only draws it.
///
/// A day is the conference's day as the schedule defines it (``Session/conferenceDay``): a
/// 01:00 talk listed under the evening before belongs to that evening and sits below midnight,
/// at minute 1500. Times are minutes from the day's midnight in each session's own offset
/// (event time). Sessions whose time is not known cannot be placed and are left out.
struct TimetableDay: Sendable, Equatable {
    /// A room column: its name (nil when the schedule gives none), its blocks and how many lanes
    /// its overlapping sessions need side by side.
    struct Room: Sendable, Equatable {
        var name: String?
        /// Indices into ``TimetableDay/blocks``: the room's blocks, in start order.
        var blocks: Range<Int>
        var lanes: Int
    }

    /// A session on the grid: minutes from the day's midnight, its room and its lane in the room.
    struct Block: Sendable, Equatable {
        var ref: SessionRef
        var room: Int
        var lane: Int
        var start: Int
        var end: Int
        /// Lanes of the run of overlapping sessions it belongs to: 1 when it overlaps nothing,
        /// so only a double-booked slot splits its room's column.
        var lanes = 1
    }

    /// The day, `YYYY-MM-DD`; "" when no session can be placed.
    var date: String = ""
    /// Every day with a session under the filter, in order.
    var days: [String] = []
    /// The day's number in its event ("Day 2"), counted over all of the event's days, filter aside.
    var number: Int?
    /// Rooms with a session this day, in the order the source first names them.
    var rooms: [Room] = []
    /// Blocks grouped by room (in ``rooms`` order), each room's in start order: exactly the view's rows.
    var blocks: [Block] = []
    /// The first start and the last end, in minutes.
    var first = 0
    var last = 0
    /// The shortest session, in minutes (at least 1).
    var shortest = 60
    /// The offset from UTC of the day's first session: where "now" is drawn.
    var offset = 0

    /// Which of ``days`` is shown.
    var dayIndex: Int { days.firstIndex(of: date) ?? 0 }

    /// Lays out the day `wanted` (or, when it has no session, today's day, else the first).
    static func build(_ state: AppState, wanted: String?) -> TimetableDay {
        let ix = state.index
        let sessions = ix.sessions(state.viewFilter).filter {
            let s = ix.session($0)
            return s.start.isKnown && s.end.isKnown
        }
        var out = TimetableDay()
        out.days = Array(Set(sessions.map { ix.session($0).conferenceDay })).sorted()
        guard !out.days.isEmpty else { return out }
        if let wanted, out.days.contains(wanted) {
            out.date = wanted
        } else {
            out.date = today(out.days, sessions, ix, now: state.agenda.now) ?? out.days[0]
        }
        let chosen = sessions.filter { ix.session($0).conferenceDay == out.date }
        out.number = dayNumber(out.date, event: chosen.first?.event, ix)
        out.offset = chosen.first.map { ix.session($0).start.offsetSeconds } ?? 0
        // Rooms in the order the source first names them, over the whole directory, so the
        // columns keep their places whatever the filter.
        var roomOrder: [String?: Int] = [:]
        for event in ix.directory.events {
            for s in event.sessions where roomOrder[s.room] == nil { roomOrder[s.room] = roomOrder.count }
        }
        let midnight = LocalDate(out.date)?.daysSinceEpoch ?? 0
        var byRoom: [String?: [Block]] = [:]
        for ref in chosen {
            let s = ix.session(ref)
            let start = minutes(s.start, from: midnight)
            let end = max(start + 1, minutes(s.end, from: midnight))
            byRoom[s.room, default: []].append(Block(ref: ref, room: 0, lane: 0, start: start, end: end))
        }
        let names = byRoom.keys.sorted { (roomOrder[$0] ?? .max) < (roomOrder[$1] ?? .max) }
        out.first = .max
        out.last = .min
        out.shortest = .max
        for name in names {
            let room = out.rooms.count
            var blocks = (byRoom[name] ?? []).sorted { ($0.start, $0.end, $0.ref.event, $0.ref.session) < ($1.start, $1.end, $1.ref.event, $1.ref.session) }
            // Lanes: each block takes the first lane free at its start, so overlapping
            // sessions stand side by side and none hides another.
            var laneEnds: [Int] = []
            var runStart = 0, runEnd = Int.min
            func closeRun(_ upTo: Int) {
                let lanes = (blocks[runStart..<upTo].map(\.lane).max() ?? 0) + 1
                for j in runStart..<upTo { blocks[j].lanes = lanes }
            }
            for i in blocks.indices {
                if blocks[i].start >= runEnd, i > runStart {
                    closeRun(i)
                    runStart = i
                }
                runEnd = max(runEnd, blocks[i].end)
                blocks[i].room = room
                if let lane = laneEnds.firstIndex(where: { $0 <= blocks[i].start }) {
                    blocks[i].lane = lane
                    laneEnds[lane] = blocks[i].end
                } else {
                    blocks[i].lane = laneEnds.count
                    laneEnds.append(blocks[i].end)
                }
                out.first = min(out.first, blocks[i].start)
                out.last = max(out.last, blocks[i].end)
                out.shortest = min(out.shortest, blocks[i].end - blocks[i].start)
            }
            if !blocks.isEmpty { closeRun(blocks.count) }
            out.rooms.append(Room(name: name, blocks: out.blocks.count..<(out.blocks.count + blocks.count),
                                  lanes: max(1, laneEnds.count)))
            out.blocks += blocks
        }
        return out
    }

    /// Minutes from the midnight that starts day `midnight` (days since 1970) to `t`, at t's own offset.
    static func minutes(_ t: Timestamp, from midnight: Int) -> Int {
        let local = t.seconds + Int64(t.offsetSeconds) - Int64(midnight) * 86_400
        return Int(local / 60)
    }

    /// The day whose sessions are on at `now` (from its first start to its last end), else the
    /// day whose date `now` falls on; nil when `now` is not known or falls on no day.
    static func today(_ days: [String], _ sessions: [SessionRef], _ ix: DirectoryIndex, now: Timestamp?) -> String? {
        guard let now else { return nil }
        var spans: [String: (Timestamp, Timestamp)] = [:]
        for ref in sessions {
            let s = ix.session(ref)
            let old = spans[s.conferenceDay] ?? (s.start, s.end)
            spans[s.conferenceDay] = (min(old.0, s.start), max(old.1, s.end))
        }
        if let day = days.first(where: { spans[$0].map { $0.0 <= now && now < $0.1 } ?? false }) { return day }
        let offset = sessions.first.map { ix.session($0).start.offsetSeconds } ?? 0
        let date = now.components(offsetSeconds: offset).date
        return days.contains(date) ? date : nil
    }

    /// The day's number among all the days of its event (filter aside): "Day 2".
    static func dayNumber(_ date: String, event: Int?, _ ix: DirectoryIndex) -> Int? {
        guard let event else { return nil }
        let days = Set(ix.directory.events[event].sessions.filter(\.start.isKnown).map(\.conferenceDay)).sorted()
        return days.firstIndex(of: date).map { $0 + 1 }
    }

    /// "Day 2 · Thu 28 Dec 2023", or the date alone when its number is not known.
    var title: String {
        let text = Self.dateTitle(date)
        return number.map { "Day \($0) · " + text } ?? text
    }

    /// "Thu 28 Dec 2023" for "2023-12-28"; the text as it is when it is not a date.
    static func dateTitle(_ date: String) -> String {
        guard let d = LocalDate(date) else { return date }
        let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]   // 1970-01-01 was a Thursday
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let e = d.daysSinceEpoch
        return "\(weekdays[((e % 7) + 7) % 7]) \(d.day) \(months[max(0, min(11, d.month - 1))]) \(d.year)"
    }

    /// The minute of this day an instant falls at, at the offset of the day's first session.
    func minute(of instant: Timestamp) -> Int {
        guard let date = LocalDate(date) else { return 0 }
        return Self.minutes(Timestamp(seconds: instant.seconds, offsetSeconds: offset), from: date.daysSinceEpoch)
    }

    /// The block of a session, if it is on this day.
    func block(of ref: SessionRef) -> Int? { blocks.firstIndex { $0.ref == ref } }
}
