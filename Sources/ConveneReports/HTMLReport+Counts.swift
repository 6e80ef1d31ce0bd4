import ConveneModel

extension HTMLReport {
    /// The host line of an event: how many delegates came from the host country and how many from elsewhere.
    ///
    /// "120 delegates · 100 from the host country (Viet Nam) · 20 from 7 other countries". Computed
    /// here from the summary's country breakdown for the report; the Summary model may grow the same
    /// line (issue 16), and then this becomes a thin wrapper around it. Nested in ``HTMLReport`` so that
    /// a `HostLine` the model gains cannot clash with it.
    public struct HostLine: Sendable, Equatable {
        public var delegates: Int
        /// The host country's name; nil when the event's place is not recorded.
        public var hostName: String?
        public var fromHost: Int
        /// The visiting countries, most delegates first.
        public var visitors: [Summary.Entry]
        /// Delegates whose country is not recorded: neither host nor visitor.
        public var notRecorded: Int

        /// The delegates from the visiting countries.
        public var fromOthers: Int { visitors.reduce(0) { $0 + $1.count } }

        /// The line as the report prints it.
        public var text: String {
            var parts = [count(delegates, "delegate", "delegates")]
            if let hostName {
                parts.append("\(fromHost) from the host country (\(hostName))")
            }
            parts.append("\(fromOthers) from \(count(visitors.count, hostName == nil ? "country" : "other country", hostName == nil ? "countries" : "other countries"))")
            if notRecorded > 0 { parts.append("\(notRecorded) not recorded") }
            return parts.joined(separator: " · ")
        }

        private func count(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }

        /// The host line of `event` from `summary` (a summary under a filter that focuses that event).
        public static func of(_ event: Event, in ix: DirectoryIndex, summary: Summary) -> HostLine {
            let host = ix.hostCountry(of: event)
            var line = HostLine(delegates: summary.delegates, hostName: host.map(ix.countryName), fromHost: 0, visitors: [], notRecorded: 0)
            for entry in summary.byCountry {
                if entry.key == NotRecorded.key { line.notRecorded += entry.count }
                else if entry.key == host { line.fromHost += entry.count }
                else { line.visitors.append(entry) }
            }
            return line
        }
    }
}

extension HTMLReport {
    /// One row of a breakdown in the report: a label, a count and its share of all delegates.
    struct Bar: Equatable {
        var label: String
        var count: Int
        var share: Double
        var notRecorded = false

        init(_ entry: Summary.Entry) {
            label = entry.label; count = entry.count; share = entry.share; notRecorded = entry.key == NotRecorded.key
        }

        init(label: String, count: Int, share: Double, notRecorded: Bool) {
            self.label = label; self.count = count; self.share = share; self.notRecorded = notRecorded
        }
    }

    /// Delegates by the region of their country (``Country/region``), most first; countries without a
    /// region and delegates without a country are one "not recorded" row, last.
    static func byRegion(_ ix: DirectoryIndex, _ summary: Summary) -> [Bar] {
        var counts: [String: Int] = [:]
        for entry in summary.byCountry {
            let region = entry.key == NotRecorded.key ? nil : ix.country(entry.key)?.region
            counts[region ?? NotRecorded.key, default: 0] += entry.count
        }
        let total = Double(max(1, summary.delegates))
        var bars: [Bar] = []
        for (key, count) in counts {
            let unknown = key == NotRecorded.key
            bars.append(Bar(label: unknown ? NotRecorded.label : key, count: count, share: Double(count) / total, notRecorded: unknown))
        }
        bars.sort { a, b in
            if a.notRecorded != b.notRecorded { return b.notRecorded }
            return a.count != b.count ? a.count > b.count : a.label < b.label
        }
        return bars
    }
}
