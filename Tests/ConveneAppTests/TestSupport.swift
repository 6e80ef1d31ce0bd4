/// The shared test support (``Fixtures``, ``BundledSample``, ``SeededGenerator``), visible in
/// every file of this target without an import of its own.
@_exported import ConveneTestSupport
