/// Anything that can draw itself into part of a grid.
///
/// A widget is a value describing what to show; `render` is a pure function
/// of that value and the area into the grid, with no I/O. Implementations clip
/// to `area` (and the grid) and must not crash at any size, down to 0×0.
public protocol Widget: Sendable {
    /// Draws into `area` of `grid`, touching no cell outside it.
    func render(into grid: inout Grid, area: Rect)
}
