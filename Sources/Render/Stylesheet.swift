/// The CSS of every page, inlined so a page is one file that works offline.
///
/// Light by default, dark when the reader's system asks for it, a print
/// version without navigation, and a single column on a phone where wide
/// tables scroll inside their own box instead of widening the page.
enum Stylesheet {
    static let css = """
        :root {
          color-scheme: light dark;
          --text: #1d1f24; --muted: #5d6470; --background: #fdfdfc; --surface: #f3f4f6;
          --border: #d9dce1; --link: #1a5fb4; --code: #f5f6f8;
          --passed: #1e7d3a; --passed-bg: #e3f4e7; --failed: #b3261e; --failed-bg: #fbe5e3;
          --xfail: #6b3fa0; --xfail-bg: #efe6f8; --error: #a14a00; --error-bg: #fdeedd;
          --figure-background: var(--background);
        }
        @media (prefers-color-scheme: dark) {
          :root {
            --text: #e4e6ea; --muted: #9aa1ad; --background: #15171b; --surface: #1e2127;
            --border: #353a43; --link: #7fb0ff; --code: #1b1e23;
            --passed: #6fd08c; --passed-bg: #173522; --failed: #ff8a80; --failed-bg: #3d1c1a;
            --xfail: #c9a6f5; --xfail-bg: #2c2140; --error: #ffb366; --error-bg: #3a2812;
          }
        }
        * { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; }
        body { margin: 0; background: var(--background); color: var(--text);
          font: 17px/1.6 Charter, "Bitstream Charter", "Sitka Text", Cambria, Georgia, "Noto Serif CJK SC", "Songti SC", SimSun, serif; }
        a { color: var(--link); }
        code, pre, kbd { font-family: ui-monospace, "SF Mono", Menlo, Consolas, "DejaVu Sans Mono", "Noto Sans Mono CJK SC", monospace; font-size: 0.86em; }
        .page-header, footer { font-family: system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; font-size: 0.9rem; color: var(--muted); }
        .page-header { max-width: 72rem; margin: 0 auto; padding: 0.8rem 1.2rem; display: flex; flex-wrap: wrap;
          gap: 0.4rem 1.5rem; align-items: center; justify-content: space-between; border-bottom: 1px solid var(--border); }
        .page-header nav a { margin-right: 0.9rem; }
        .layout { max-width: 72rem; margin: 0 auto; padding: 0 1.2rem; display: grid; grid-template-columns: minmax(0, 1fr); }
        main { max-width: 44rem; min-width: 0; }
        .toc { font-family: system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; font-size: 0.9rem; margin: 1rem 0 0; max-width: 44rem;
          padding: 0.6rem 1rem; border: 1px solid var(--border); border-radius: 6px; background: var(--surface); }
        .toc h2 { font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.06em; margin: 0.2rem 0 0.4rem; color: var(--muted); }
        .toc ol { list-style: none; margin: 0; padding: 0; }
        .toc li { margin: 0.15rem 0; }
        .toc .level-3 { padding-left: 0.9rem; font-size: 0.85rem; }
        .toc a { text-decoration: none; }
        .toc a:hover { text-decoration: underline; }
        @media (min-width: 61rem) {
          .layout.with-contents { grid-template-columns: 13rem minmax(0, 44rem); gap: 2rem; }
          .toc { position: sticky; top: 1rem; align-self: start; max-height: calc(100vh - 2rem); overflow-y: auto;
            border: none; background: none; padding: 0; margin-top: 2.2rem; }
        }
        h1, h2, h3, h4 { font-family: system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; line-height: 1.25; }
        h1 { font-size: 2rem; margin: 1.6rem 0 0.8rem; }
        h2 { font-size: 1.45rem; margin: 2.2rem 0 0.6rem; padding-bottom: 0.2rem; border-bottom: 1px solid var(--border); }
        h3 { font-size: 1.15rem; margin: 1.8rem 0 0.5rem; }
        h1[id], h2[id], h3[id], h4[id], .equation, .chunk, .check { scroll-margin-top: 1rem; }
        p code, li code { background: var(--code); padding: 0.1em 0.3em; border-radius: 3px; }
        code.math { font-style: italic; color: var(--text); }
        /* Several equations align at "=": MathML Core aligns table cells with CSS. */
        mtable.equations > mtr > mtd:first-child { text-align: right; }
        mtable.equations > mtr > mtd + mtd { text-align: left; }
        mtable.algorithm > mtr > mtd { text-align: left; }
        mtable.algorithm mtext.keyword { font-weight: bold; }
        mtable.cases > mtr > mtd { text-align: left; padding-right: 1em; }
        img { max-width: 100%; }
        pre { overflow-x: auto; }
        blockquote { margin: 1rem 0; padding: 0 1rem; border-left: 3px solid var(--border); color: var(--muted); }

        .problems { margin: 1.2rem 0; padding: 0.7rem 1rem; border-radius: 6px; background: var(--error-bg);
          border-left: 4px solid var(--error); font-family: system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; font-size: 0.92rem; }
        .problems p { margin: 0 0 0.3rem; font-weight: 600; }
        .problems ul { margin: 0; padding-left: 1.2rem; }

        .equation { margin: 1.4rem 0; }
        .equation-body { display: flex; align-items: center; gap: 1rem; }
        /* A scrolling box scrolls both ways: the ink of tall fractions and roots, a little past
           the box, would give a vertical scrollbar; it is hidden and room is made for it. */
        .formula { flex: 1; min-width: 0; overflow-x: auto; overflow-y: hidden; text-align: center; padding: 0.5rem 0; }
        .formula.source code { white-space: pre-wrap; font-size: 0.95rem; }
        .equation-number { font-family: system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; color: var(--muted); text-decoration: none; }
        .formula-verdicts { list-style: none; margin: 0.3rem 0 0; padding: 0; font-family: system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; font-size: 0.88rem; }
        .formula-verdicts li { margin: 0.25rem 0; }

        .directive { margin: 1.2rem 0; }
        pre.code { margin: 0; padding: 0.55rem 0.9rem 0.55rem 0; background: var(--code); border: 1px solid var(--border);
          border-radius: 6px; line-height: 1.5; }
        .chunk + .chunk pre.code { margin-top: 0.4rem; }
        pre.code.shown { padding: 0.55rem 0.9rem; margin: 1rem 0; }
        /* A long line wraps under its own text, not under the line numbers, so nothing is cut off. */
        pre.code .line { display: inline-block; vertical-align: top; width: 100%; white-space: pre-wrap; overflow-wrap: anywhere;
          padding-left: 3.2em; text-indent: -3.2em; }
        pre.code .line:target { background: var(--error-bg); }
        pre.code .ln { display: inline-block; width: 3.2em; padding-right: 0.9em; text-align: right; color: var(--muted);
          opacity: 0.7; user-select: none; -webkit-user-select: none; text-indent: 0; white-space: nowrap; }
        pre.code .kw { font-weight: 700; color: var(--link); }
        pre.code .comment { color: var(--muted); font-style: italic; }
        .not-run pre.code { opacity: 0.55; border-style: dashed; }
        .not-run-note { font-family: system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; font-size: 0.82rem; color: var(--muted);
          margin: 0.2rem 0 0; }
        .outcomes { margin: 0.35rem 0 0.9rem 0.9rem; padding-left: 0.9rem; border-left: 2px solid var(--border);
          font-family: system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; font-size: 0.92rem; }
        .outcomes > * { margin: 0.45rem 0; }

        .badge { display: inline-block; padding: 0.05rem 0.5rem; border-radius: 999px; font-size: 0.8rem; font-weight: 700;
          font-family: system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; white-space: nowrap; border: 1px solid currentColor; }
        .badge.passed { color: var(--passed); background: var(--passed-bg); }
        .badge.failed, .badge.xpass { color: var(--failed); background: var(--failed-bg); }
        .badge.xfail { color: var(--xfail); background: var(--xfail-bg); }
        .badge.error { color: var(--error); background: var(--error-bg); }
        .badge.definition { color: var(--muted); background: var(--surface); }
        .erratum { border-left: 4px solid var(--xfail); background: var(--xfail-bg); padding: 0.4rem 0.8rem; margin: 0.5rem 0; }
        .erratum p, .erratum ul { margin: 0.3rem 0; }
        .erratum .erratum-part { font-weight: 700; }
        .check p { margin: 0.1rem 0; }
        .check .kind, .measure { color: var(--muted); }
        .measure { font-size: 0.85rem; }

        .table-scroll { overflow-x: auto; max-width: 100%; }
        table { border-collapse: collapse; font-size: 0.86rem; margin: 0.3rem 0;
          font-family: system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; }
        th, td { padding: 0.2rem 0.6rem; border-bottom: 1px solid var(--border); text-align: left; vertical-align: top; }
        thead th { border-bottom: 2px solid var(--border); }
        th.number { text-align: right; }
        td.zero { color: var(--muted); }
        td.number, table.matrix td { text-align: right; font-variant-numeric: tabular-nums;
          font-family: ui-monospace, "SF Mono", Menlo, Consolas, "DejaVu Sans Mono", "Noto Sans Mono CJK SC", monospace; white-space: nowrap; }
        table.matrix th { color: var(--muted); font-weight: 400; text-align: right; font-size: 0.8rem; }
        table.matrix td, table.matrix th { border: none; padding: 0.1rem 0.5rem; }
        table.matrix { border-left: 2px solid var(--text); border-right: 2px solid var(--text); }
        td.gap { text-align: center; color: var(--muted); }
        .value figcaption, .value.scalar { font-size: 0.9rem; }
        .value { margin: 0.5rem 0; }
        .shape, .abbreviated { color: var(--muted); font-size: 0.85rem; }
        /* The evidence under a formula: the notes stay wide enough to read when the sides hold long numbers. */
        table.equations td.side { font-variant-numeric: tabular-nums; }
        table.equations td.side .entry { white-space: nowrap; }
        table.equations td:last-child { min-width: 12rem; }
        table.equations .subject { color: var(--muted); white-space: nowrap; }
        .formula-verdicts details { margin: 0.2rem 0 0; }
        .formula-verdicts summary { color: var(--muted); cursor: pointer; }

        .training-body { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; align-items: flex-start; }
        .training-body table { flex: none; }
        table.log td { padding: 0.05rem 0.6rem; border-bottom: none; }
        table.log tbody tr:nth-child(even) td { background: var(--surface); }
        .training-body figure { flex: 1 1 30rem; }
        figure { margin: 0.6rem 0; min-width: 0; }
        figure.plot figcaption { font-size: 0.85rem; color: var(--muted); text-align: center; }
        svg.figure-svg { display: block; width: 100%; height: auto; max-width: 40rem; margin: 0 auto; }

        .error-box { background: var(--error-bg); border-left: 4px solid var(--error); border-radius: 4px; padding: 0.4rem 0.8rem; }
        .error-box p { margin: 0.1rem 0; }
        .error-box pre { margin: 0.3rem 0 0; font-size: 0.95em; }

        footer { max-width: 72rem; margin: 3rem auto 0; padding: 1rem 1.2rem 2rem; border-top: 1px solid var(--border); }

        .book-table td, .book-table th { padding: 0.45rem 0.7rem; }
        .book-table tfoot td { font-weight: 700; border-top: 2px solid var(--border); }
        .book-table tr.part th { text-align: left; padding-top: 1rem; font-family: system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; }
        .author { font-style: italic; margin-top: -0.5rem; }
        .index .layout { display: block; }
        .index main { max-width: 60rem; }
        .book-table { font-size: 0.95rem; }
        .book-table .file { display: block; white-space: nowrap; }

        @media (max-width: 40rem) {
          body { font-size: 16px; }
          h1 { font-size: 1.6rem; }
          .layout, .page-header { padding-left: 0.8rem; padding-right: 0.8rem; }
          .outcomes { margin-left: 0.3rem; padding-left: 0.6rem; }
          pre.code .ln { width: 2.8em; padding-right: 0.6em; }
          pre.code .line { padding-left: 2.8em; text-indent: -2.8em; }
        }
        @media print {
          :root { --text: #000; --muted: #444; --background: #fff; --surface: #fff; --code: #fff; --link: #000; }
          body { font-size: 11pt; }
          .toc, .page-header nav, footer { display: none; }
          .layout { display: block; max-width: none; padding: 0; }
          main { max-width: none; }
          a { text-decoration: none; }
          pre.code { white-space: pre-wrap; border-color: #999; }
          .directive, figure, .equation, table { break-inside: avoid; }
          h1, h2, h3 { break-after: avoid; }
          .badge { border-width: 1px; background: none !important; }
          /* Paper cannot be clicked open: the evidence is printed, without its toggle. */
          details > summary { display: none; }
        }
        @media print {
          /* Its own rule: a browser that does not know the pseudo-element drops only this. */
          details::details-content { content-visibility: visible; display: block; }
        }

        """ + FigureStyle.css
}
