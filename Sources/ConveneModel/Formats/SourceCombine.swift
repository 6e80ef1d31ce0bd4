/// Where an event came from when several `--data` sources are shown as one directory.
public struct EventSource: Sendable, Equatable {
    /// A short name, unique among the sources of one run: the file's name without its
    /// extension, or the URL's host without `www.` (see ``SourceCombine/tags(for:)``).
    public var tag: String
    /// The path, or the URL as shown (without credentials).
    public var name: String
    /// The event's id in its own source (the combined directory may have renamed it).
    public var originalID: String
    /// Sessions renamed in the combined directory: combined id → the id in the source.
    public var renamedSessions: [String: String]

    public init(tag: String, name: String, originalID: String, renamedSessions: [String: String] = [:]) {
        self.tag = tag
        self.name = name
        self.originalID = originalID
        self.renamedSessions = renamedSessions
    }

    /// A session's id as its source writes it.
    public func originalSessionID(_ id: String) -> String { renamedSessions[id] ?? id }
}

/// One source of a combined directory: its tag, its name and what it loaded.
public struct SourcePart: Sendable {
    public var tag: String
    public var name: String
    public var directory: Directory

    public init(tag: String, name: String, directory: Directory) {
        self.tag = tag
        self.name = name
        self.directory = directory
    }
}

/// Shows several directories (`--data` given more than once) as one, never merging silently.
///
/// Unlike ``DirectoryMerge`` (`convene merge`, which refuses any disagreement), this never
/// fails: what collides is kept apart by a deterministic renaming.
///
/// - The first source keeps its ids. A later source's record whose id is already taken
///   is renamed `TAG.ID` (`side.opening`; `side.opening-2` should that be taken too), and
///   every reference to it in that source follows.
/// - Reference records that are the same may be shared: a city or an organisation with the
///   same id and the same content (after its own references are renamed) is one record.
///   Events, sessions and delegates are never shared: two conferences' `opening` or
///   `person-12` are two records.
/// - A country is its ISO code and cannot be renamed: two sources that name one code
///   differently share the first source's record, and the combined notice says so.
/// - Every event carries its ``EventSource``; the title is the titles joined with " + ";
///   each source's notice is kept, prefixed with its tag.
///
/// One source is returned exactly as it is, without a source label.
public enum SourceCombine {
    /// The combined directory of `parts`, in their order.
    ///
    /// `labelled`: give each event its ``EventSource`` even when only one part is given (the
    /// browser, while one of several sources has not loaded), so that its change keys stay the same.
    public static func combine(_ parts: [SourcePart], labelled: Bool = false) -> Directory {
        guard parts.count > 1 || labelled else { return parts.first?.directory ?? Directory(title: "") }
        var out = Directory(title: parts.map(\.directory.title).joined(separator: " + "))
        var notes: [String] = []
        var countryAt: [String: Int] = [:]
        var cityAt: [String: Int] = [:]
        var orgAt: [String: Int] = [:]
        var eventIDs = Set<String>(), sessionIDs = Set<String>(), delegateIDs = Set<String>()
        for part in parts {
            let d = part.directory
            if let notice = d.notice { notes.append("\(part.tag): \(notice)") }
            for c in d.countries {
                if let i = countryAt[c.code] {
                    if out.countries[i] != c {
                        notes.append("\(part.tag): country \(c.code) is \"\(c.name)\" there; shown as \"\(out.countries[i].name)\""
                                     + " as the first source that lists it says")
                    }
                } else {
                    countryAt[c.code] = out.countries.count
                    out.countries.append(c)
                }
            }
            // Reference records: the same content under the same id is shared, anything else renamed.
            var cityMap: [String: String] = [:]
            for c in d.cities {
                if let i = cityAt[c.id], out.cities[i] == c { cityMap[c.id] = c.id; continue }
                var copy = c
                copy.id = fresh(c.id, part.tag) { cityAt[$0] != nil }
                cityMap[c.id] = copy.id
                cityAt[copy.id] = out.cities.count
                out.cities.append(copy)
            }
            var orgMap: [String: String] = [:]
            for o in d.organizations {
                var copy = o
                copy.city = o.city.map { cityMap[$0] ?? $0 }
                if let i = orgAt[o.id], out.organizations[i] == copy { orgMap[o.id] = o.id; continue }
                copy.id = fresh(o.id, part.tag) { orgAt[$0] != nil }
                orgMap[o.id] = copy.id
                orgAt[copy.id] = out.organizations.count
                out.organizations.append(copy)
            }
            // Events, sessions and delegates are kept apart: a taken id is always renamed.
            var delegateMap: [String: String] = [:]
            for p in d.delegates {
                let id = fresh(p.id, part.tag) { delegateIDs.contains($0) }
                delegateIDs.insert(id)
                if id != p.id { delegateMap[p.id] = id }
            }
            var eventMap: [String: String] = [:]
            for e in d.events {
                var copy = e
                copy.id = fresh(e.id, part.tag) { eventIDs.contains($0) }
                eventIDs.insert(copy.id)
                if copy.id != e.id { eventMap[e.id] = copy.id }
                copy.city = e.city.map { cityMap[$0] ?? $0 }
                copy.organizers = e.organizers.map { orgMap[$0] ?? $0 }
                var renamed: [String: String] = [:]
                for s in copy.sessions.indices {
                    let original = copy.sessions[s].id
                    let id = fresh(original, part.tag) { sessionIDs.contains($0) }
                    sessionIDs.insert(id)
                    if id != original { renamed[id] = original }
                    copy.sessions[s].id = id
                    if !delegateMap.isEmpty { copy.sessions[s].speakers = copy.sessions[s].speakers.map { delegateMap[$0] ?? $0 } }
                }
                copy.source = EventSource(tag: part.tag, name: part.name, originalID: e.id, renamedSessions: renamed)
                out.events.append(copy)
            }
            out.delegates.reserveCapacity(out.delegates.count + d.delegates.count)
            for p in d.delegates {
                var copy = p
                if let id = delegateMap[p.id] { copy.id = id }
                copy.city = p.city.map { cityMap[$0] ?? $0 }
                copy.organization = p.organization.map { orgMap[$0] ?? $0 }
                if !eventMap.isEmpty { copy.events = p.events.map { eventMap[$0] ?? $0 } }
                out.delegates.append(copy)
            }
        }
        out.notice = notes.isEmpty ? nil : notes.joined(separator: "\n\n")
        return out
    }

    /// `id` when `taken` says it is free, else `TAG.ID`, else `TAG.ID-2`, `-3`, … (all valid ids).
    static func fresh(_ id: String, _ tag: String, taken: (String) -> Bool) -> String {
        guard taken(id) else { return id }
        let base = tag + "." + id
        if !taken(base) { return base }
        var n = 2
        while taken("\(base)-\(n)") { n += 1 }
        return "\(base)-\(n)"
    }

    /// A short tag for each source name, unique among them, in order.
    ///
    /// A file's name without its folder and extension (`side-events.json` → `side-events`);
    /// a URL's host without `www.` and what follows its first dot (`https://fosdem.org/…` → `fosdem`).
    /// Made an id (lower case, `-` for anything else); `source` when nothing is left. A tag
    /// already given is followed by `-2`, `-3`, ….
    public static func tags(for names: [String]) -> [String] {
        var taken = Set<String>()
        return names.map { name in
            let base = RecordID.slug(tagBase(name), maxLength: 24)
            let tag = RecordID.unique(base.isEmpty ? "source" : base, in: taken)
            taken.insert(tag)
            return tag
        }
    }

    static func tagBase(_ name: String) -> String {
        if let scheme = name.range(of: "://") {
            var host = name[scheme.upperBound...].prefix { $0 != "/" && $0 != "?" && $0 != "#" }
            if let at = host.lastIndex(of: "@") { host = host[host.index(after: at)...] }
            if host.hasPrefix("www.") { host = host.dropFirst(4) }
            let labels = host.split(separator: ".")
            // A numeric host (127.0.0.1:8080) keeps its whole address; a name its first label.
            if labels.first.map({ $0.allSatisfy(\.isNumber) }) == true { return String(host) }
            return labels.first.map(String.init) ?? ""
        }
        let file = name.split(separator: "/").last.map(String.init) ?? name
        guard let dot = file.lastIndex(of: "."), dot != file.startIndex else { return file }
        return String(file[..<dot])
    }
}
