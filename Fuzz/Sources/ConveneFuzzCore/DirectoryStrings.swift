import ConveneModel

/// Every string a directory holds, for checks that must hold for each of them.
public enum DirectoryStrings {
    public static func all(in d: Directory) -> [String] {
        var out = [d.format, d.title]
        out += [d.notice].compactMap { $0 }
        for c in d.countries {
            out += [c.code, c.name] + [c.region].compactMap { $0 }
        }
        for c in d.cities {
            out += [c.id, c.name, c.country, c.timeZone] + [c.creativeField].compactMap { $0 }
        }
        for o in d.organizations {
            out += [o.id, o.name, o.kind] + [o.city].compactMap { $0 }
        }
        for e in d.events {
            out += [e.id, e.title, e.kind, e.timeZone] + [e.city, e.venue, e.localTitle].compactMap { $0 }
            out += e.organizers + e.themes + e.sources
            for s in e.sessions {
                // Every word a published schedule gives reaches a view, so every one is checked.
                out += [s.id, s.title] + [s.room, s.track, s.description, s.subtitle, s.abstract, s.language, s.type, s.url]
                    .compactMap { $0 } + s.speakers + s.links.flatMap { [$0.url] + [$0.title].compactMap { $0 } }
            }
        }
        for p in d.delegates {
            out += [p.id, p.name] + [p.city, p.country, p.role, p.organization].compactMap { $0 } + p.events
        }
        return out
    }
}
