/// A directory fit to hand on: delegates who asked not to be named keep their place in every count,
/// but lose what names them.
///
/// Used by `convene export --format convene` unless `--keep-unlisted`. Each unlisted delegate
/// (``Delegate/listed`` false) keeps `listed: false`, their city, country, events and
/// `illustrative`, so a report made from the copy counts them; their role and organisation are
/// dropped (and so is an organisation only they belonged to), their id becomes `unlisted-1`, `unlisted-2`, … (an id is often made from the name),
/// and their name becomes `Unlisted delegate 1`, … — except a speaker's, whose name on the
/// sessions they give is public by role. Session speaker lists follow the new ids.
public enum UnlistedRedaction {
    /// `d` with every unlisted delegate redacted as described above; `d` itself when none is unlisted.
    public static func redacted(_ d: Directory) -> Directory {
        guard d.delegates.containsUnlisted else { return d }
        var speakers = Set<String>()
        for e in d.events { for s in e.sessions { speakers.formUnion(s.speakers) } }
        var taken = UniqueIDs(d.delegates.lazy.filter(\.listed).map(\.id))
        var newID: [String: String] = [:]
        var out = d
        var n = 0
        for i in out.delegates.indices where !out.delegates[i].listed {
            n += 1
            let old = out.delegates[i]
            let id = taken.claim("unlisted-\(n)")
            newID[old.id] = id
            out.delegates[i] = Delegate(id: id, name: speakers.contains(old.id) ? old.name : "Unlisted delegate \(n)",
                                        city: old.city, country: old.country, events: old.events,
                                        illustrative: old.illustrative, listed: false)
        }
        // An organisation that only unlisted delegates belonged to would name them by elimination: it goes too.
        // One nobody referred to in the first place is kept, as are event organisers.
        let before = Set(d.delegates.compactMap(\.organization))
        let after = Set(out.delegates.compactMap(\.organization)).union(d.events.flatMap(\.organizers))
        out.organizations.removeAll { before.contains($0.id) && !after.contains($0.id) }
        for e in out.events.indices {
            for s in out.events[e].sessions.indices {
                out.events[e].sessions[s].speakers = out.events[e].sessions[s].speakers.map { newID[$0] ?? $0 }
            }
        }
        return out
    }
}
