import ConveneModel

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
}
