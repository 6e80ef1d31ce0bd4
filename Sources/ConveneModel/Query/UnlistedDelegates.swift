/// Delegates who asked not to be named (``Delegate/listed`` false): counted, never shown.
///
/// Every list of people goes through ``DirectoryIndex/splitListed(_:)``: the listed
/// delegates keep their rows, the others become one aggregate line worded by
/// ``UnlistedDelegates/line(_:)``. Counts use the whole list, so they include everyone.
public enum UnlistedDelegates {
    /// "1 unlisted delegate", "3 unlisted delegates": the one line that stands for them in a list.
    public static func line(_ count: Int) -> String {
        "\(count) unlisted delegate" + (count == 1 ? "" : "s")
    }

    /// What a session shows for a speaker who is not listed, when the panel is asked for their record.
    public static let speakerNote = "This speaker asked not to be listed: only their name on the sessions they give is shown."
}

extension DirectoryIndex {
    /// `people` (delegate indices) without the unlisted ones, in the same order, and how many those were.
    public func splitListed(_ people: [Int]) -> (listed: [Int], unlisted: Int) {
        let delegates = directory.delegates
        // Most directories have nobody unlisted: then the list itself comes back, not a copy.
        guard delegates.containsUnlisted, people.contains(where: { !delegates.isListed(at: $0) }) else { return (people, 0) }
        var listed: [Int] = []
        listed.reserveCapacity(people.count)
        for i in people where delegates.isListed(at: i) { listed.append(i) }
        return (listed, people.count - listed.count)
    }

    /// The delegate with this id when they may be named; nil when unknown or unlisted.
    public func listedDelegate(_ id: String) -> Delegate? {
        guard let p = delegate(id), p.listed else { return nil }
        return p
    }
}
