import ConveneApp
import ConveneModel
import Foundation

/// The `--data` sources of one browser run, and what each one last loaded.
///
/// With one source the browser shows its directory as it is (as it always has). With
/// several, what is on screen is ``SourceCombine/combine(_:labelled:)`` of the latest good
/// copy of each: a file's ``DataFileWatcher`` or a URL's ``RemoteRefresher`` hands a new
/// copy of its own source to ``reload(_:slot:with:)``, the others' copies stay as they
/// were, and ``AppState/reload(with:)`` keeps the view, the filters, the selection and the
/// change marks (keyed per source, so the other sources' marks are untouched).
///
/// A reference type: the watchers and refreshers of one run share it, on the loop's thread only.
final class SourceSet {
    /// The `--data` values as given: what names each source's copy as last seen (``SeenSaver``).
    let given: [String]
    let sources: [DataSource]
    /// One short tag per source (``SourceCombine/tags(for:)``).
    let tags: [String]
    /// The latest good copy of each source; nil while a source has not loaded.
    private(set) var latest: [Directory?]

    init(given: [String], sources: [DataSource]) {
        self.given = given
        self.sources = sources
        tags = SourceCombine.tags(for: sources.map { $0.name ?? "sample" })
        latest = Array(repeating: nil, count: sources.count)
    }

    var isCombined: Bool { sources.count > 1 }

    /// What messages call source `slot`: its path, or its URL without credentials.
    func name(_ slot: Int) -> String { sources[slot].name ?? "the sample" }

    /// The tags of the sources that have loaded.
    var loadedTags: Set<String> { Set(tags.indices.filter { latest[$0] != nil }.map { tags[$0] }) }

    /// Keeps `directory` as source `slot`'s copy.
    func set(_ slot: Int, _ directory: Directory) { latest[slot] = directory }

    /// The directory on screen: the one source's, or every loaded source's combined.
    func combined() -> Directory {
        let parts = sources.indices.compactMap { i in
            latest[i].map { SourcePart(tag: tags[i], name: name(i), directory: $0) }
        }
        return SourceCombine.combine(parts, labelled: isCombined)
    }

    /// A new copy of source `slot` loaded: it replaces that source's part of the screen.
    /// Returns the index now shown, for the caller to prepare in the background.
    @discardableResult
    func reload(_ state: inout AppState, slot: Int, with index: DirectoryIndex) -> DirectoryIndex {
        guard isCombined else {
            state.reload(with: index)
            return index
        }
        let wasLoaded = latest[slot] != nil
        latest[slot] = index.directory
        let shown = DirectoryIndex(combined())
        state.reload(with: shown)
        // The reducer speaks of one file; with several, say which one.
        let what = wasLoaded ? "Reloaded \(name(slot))" : "Loaded \(name(slot))"
        state.message = state.message.map { $0.replacingOccurrences(of: "Reloaded: the data file changed on disk", with: what) }
        return shown
    }
}

/// A reload or refresh outcome, handed to the source set (several sources) or straight to the state.
extension Optional where Wrapped == SourceSet {
    func reload(_ state: inout AppState, slot: Int, with index: DirectoryIndex) -> DirectoryIndex {
        guard let set = self else {
            state.reload(with: index)
            return index
        }
        return set.reload(&state, slot: slot, with: index)
    }
}
