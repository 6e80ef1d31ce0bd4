import ConveneScreen

/// Where each part of the screen goes at the current size.
///
/// Rendering and mouse hit-testing both use this one computation, so a click
/// lands on what the user sees.
public struct Layout: Sendable, Equatable {
    /// Below this the screen only says it is too small.
    public static let minimumWidth = 40
    public static let minimumHeight = 10
    /// From this width on, the detail pane sits beside the list instead of below it.
    public static let sideBySideWidth = 110

    public var titleRow = 0
    public var tabsRow = 1
    public var statusRow: Int
    /// The list, its header row included.
    public var list: Rect
    /// The detail pane, border included; empty when there is no room.
    public var detail: Rect
    public var isTooSmall: Bool

    public init(width: Int, height: Int, view: ViewID) {
        isTooSmall = width < Layout.minimumWidth || height < Layout.minimumHeight
        statusRow = max(0, height - 1)
        let body = Rect(row: 2, column: 0, width: max(0, width), height: max(0, height - 3))
        if !view.type.hasDetailPane {
            list = body
            detail = .zero
        } else if width >= Layout.sideBySideWidth {
            let listWidth = width * 3 / 5
            // One blank column between the list and the pane's border.
            list = Rect(row: body.row, column: 0, width: listWidth - 1, height: body.height)
            detail = Rect(row: body.row, column: listWidth, width: width - listWidth, height: body.height)
        } else if body.height >= 14 {
            let detailHeight = max(6, body.height * 2 / 5)
            list = Rect(row: body.row, column: 0, width: width, height: body.height - detailHeight)
            detail = Rect(row: body.row + body.height - detailHeight, column: 0, width: width, height: detailHeight)
        } else {
            list = body
            detail = .zero
        }
    }

    /// Data rows the list shows (its height less the header).
    public var visibleRows: Int { max(1, list.height - 1) }
}

/// The browser's tab strip: a ``TabBar`` of the registered views, "1 Events │ 2 Agenda │ …".
///
/// Drawing and mouse hit-testing both use it, so a click lands on the tab drawn.
enum TabStrip {
    static func labels() -> [String] { ViewRegistry.all.map { ($0.digit.map { "\($0) " } ?? "") + $0.title } }

    static func bar(active: Int) -> TabBar {
        TabBar(titles: labels(), active: active, style: Theme.tab, activeStyle: Theme.activeTab,
               padding: 0, separator: " │ ", separatorStyle: Theme.illustrative)
    }

    /// Where the strip goes on the tabs row: from column 1, so column 0 stays blank.
    static func area(_ layout: Layout, width: Int) -> Rect {
        Rect(row: layout.tabsRow, column: 1, width: max(0, width - 1), height: 1)
    }

    /// The view whose tab is at a column of the tabs row, if any.
    static func view(at column: Int, _ layout: Layout, width: Int) -> ViewID? {
        bar(active: 0).tabAt(column: column, in: area(layout, width: width)).map { ViewRegistry.all[$0] }
    }
}
