@testable import ConveneApp
import ConveneScreen
import Testing

/// The registry is the one list of views: tabs, digits and Tab order all follow it.
@Suite struct ViewRegistryTests {
    @Test func digitKeysOpenTheRegisteredViewsInTabOrder() {
        #expect(ViewID.allCases.map(\.title) == ["Events", "Agenda", "Delegates", "Cities", "Summary", "Timetable", "Map"])
        for (i, view) in ViewID.allCases.enumerated() {
            let digit = Character(String(i + 1))
            #expect(view.digit == digit)
            #expect(KeyBindings.action(for: .character(digit)) == .showView(view))
            let binding = KeyBindings.all.first { $0.action == .showView(view) }
            #expect(binding?.label == String(digit) && binding?.help == view.title, "help lists \(view.title) under its digit")
        }
        #expect(KeyBindings.action(for: .character(Character(String(ViewID.allCases.count + 1)))) == nil)
    }

    @Test func tabCyclesThroughEveryRegisteredViewAndBack() {
        var s = Sample.state()
        var seen: [ViewID] = [s.view]
        for _ in ViewID.allCases.indices.dropFirst() {
            s.apply(.nextView)
            seen.append(s.view)
        }
        #expect(seen == ViewID.allCases)
        s.apply(.nextView)
        #expect(s.view == ViewID.allCases.first)
    }

    @Test func everyTabLabelIsItsDigitAndTitle() {
        #expect(TabStrip.labels() == ViewID.allCases.map { "\($0.digit.map(String.init) ?? "") \($0.title)" })
    }
}
