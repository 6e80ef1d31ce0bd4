import ConveneScreen
import ConveneText

/// The screen shown while a large directory loads: what, how far, and how to leave.
///
/// The browser draws it only when a load takes more than a quarter of a
/// second, and keeps reading keys meanwhile, so `q` quits at once.
public enum LoadingScreen {
    public static func render(width: Int, height: Int, name: String, stage: String, fraction: Double) -> Grid {
        var grid = Grid(width: width, height: height)
        guard width >= 12, height >= 3 else { return grid }
        let barWidth = max(4, min(60, width - 12))
        let bar = BarChart.barText(value: max(0, min(1, fraction)), maximum: 1, width: barWidth)
        let percent = "\(Int((fraction * 100).rounded()))%"
        let top = max(0, height / 2 - 2)
        let left = max(0, (width - barWidth - 2) / 2)
        grid.write("Loading " + name, row: top, column: left, maxWidth: width - left, style: Style(bold: true))
        grid.write("[" + bar + "]", row: top + 1, column: left, style: Style(foreground: .cyan))
        grid.write(stage + " · " + percent, row: top + 2, column: left, maxWidth: width - left)
        grid.write(KeyBindings.loading.hintText, row: min(height - 1, top + 4), column: left, style: Style(dim: true))
        return grid
    }
}
