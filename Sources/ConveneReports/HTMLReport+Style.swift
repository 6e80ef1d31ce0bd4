extension HTMLReport {
    /// The report's whole style sheet: screen, then A4 print. System fonts only: nothing is fetched.
    static let style = """

    :root { --ink: #1b1f24; --muted: #5b6470; --bar: #2f6f9f; --rule: #d6dbe1; }
    * { box-sizing: border-box; }
    body { font: 15px/1.45 system-ui, "Noto Sans", "DejaVu Sans", sans-serif; color: var(--ink); margin: 2rem auto; max-width: 60rem; padding: 0 1rem; }
    h1 { font-size: 1.7rem; margin: 0 0 .2rem; }
    h2 { font-size: 1.2rem; border-bottom: 1px solid var(--rule); padding-bottom: .2rem; margin-top: 1.8rem; }
    .sub, .notice, .note, .unplaced, footer { color: var(--muted); }
    .notice { font-size: .9rem; }
    .numbers { display: flex; flex-wrap: wrap; gap: .8rem; margin: 0; }
    .numbers div { border: 1px solid var(--rule); border-radius: 6px; padding: .4rem .9rem; min-width: 7rem; }
    .numbers dt { color: var(--muted); font-size: .85rem; }
    .numbers dd { margin: 0; font-size: 1.7rem; font-weight: 600; }
    .host { font-size: 1.1rem; font-weight: 600; }
    .pair { display: flex; flex-wrap: wrap; gap: 1.5rem; align-items: flex-start; }
    table { border-collapse: collapse; font-size: .9rem; }
    th, td { text-align: left; padding: .15rem .6rem; border-bottom: 1px solid var(--rule); vertical-align: top; }
    .num { text-align: right; font-variant-numeric: tabular-nums; }
    table.people { width: 100%; }
    .unlisted { font-style: italic; }
    svg text { font: 12px system-ui, "Noto Sans", "DejaVu Sans", sans-serif; fill: var(--ink); }
    svg .bar { fill: var(--bar); }
    svg .more, svg .deg { fill: var(--muted); font-size: 9px; }
    svg .sea { fill: #eef3f7; }
    svg .grid { stroke: #c9d3dc; stroke-width: .6; }
    svg .city { fill: #c0392b; fill-opacity: .75; stroke: #fff; stroke-width: .8; }
    svg .place { font-size: 10px; }
    footer { margin-top: 2rem; font-size: .8rem; }
    @page { size: A4; margin: 15mm; }
    @media print {
      body { margin: 0; max-width: none; font-size: 10pt; }
      th, td { padding: .05rem .4rem; }
      h2 { margin-top: 1rem; }
      section { break-inside: avoid; }
      section#delegates { break-inside: auto; }
      thead { display: table-header-group; }
      tr { break-inside: avoid; }
      h2 { break-after: avoid; }
      svg .bar, svg .city, svg .sea { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
    }

    """
}
