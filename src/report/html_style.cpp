#include "report/html_style.h"

namespace mlfolio::report {

// Readable on a phone: one column, fluid widths, wrapping long paths; two columns from 48rem.
const std::string_view k_html_style = R"css(
:root { color-scheme: light; --fail: #c62828; --pass: #2e7d32; --skip: #6e6e6e; --line: #ddd; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: #1d1d1f; background: #f6f7f9; }
main { max-width: 60rem; margin: 0 auto; padding: 1rem; }
header.summary { display: flex; flex-wrap: wrap; gap: 1.5rem; align-items: center; background: #fff;
  border: 1px solid var(--line); border-radius: .75rem; padding: 1rem; }
.gauge { width: 9rem; height: 9rem; flex: none; }
.gauge .value { font-size: 30px; font-weight: 700; }
.gauge .unit { font-size: 11px; fill: #555; }
.headline { flex: 1 1 16rem; min-width: 0; }
.headline h1 { margin: 0 0 .25rem; font-size: 1.5rem; }
.headline p { margin: .25rem 0; overflow-wrap: anywhere; }
.bars { list-style: none; padding: 0; margin: 1rem 0; display: grid; gap: .5rem; }
.bars li { display: grid; grid-template-columns: minmax(6rem, 14rem) 1fr 4.5rem; gap: .5rem;
  align-items: center; }
.bar { height: .75rem; background: #e6e6e6; border-radius: .375rem; overflow: hidden; }
.bar span { display: block; height: 100%; }
.bars .score { text-align: right; font-variant-numeric: tabular-nums; }
section.category, section.alerts, section.notes { background: #fff; border: 1px solid var(--line);
  border-radius: .75rem; padding: .5rem 1rem; margin: 1rem 0; }
section h2 { font-size: 1.2rem; display: flex; justify-content: space-between; gap: 1rem; }
article.finding { border-left: .25rem solid var(--fail); padding: .25rem .75rem; margin: .75rem 0; }
article.finding h3 { font-size: 1rem; margin: 0; overflow-wrap: anywhere; }
article.finding p, article.finding ul { margin: .25rem 0; overflow-wrap: anywhere; }
.status { display: inline-block; min-width: 3rem; text-align: center; border-radius: .25rem;
  color: #fff; font-size: .75rem; font-weight: 700; padding: 0 .25rem; }
.status.fail { background: var(--fail); } .status.pass { background: var(--pass); }
.status.skip { background: var(--skip); }
.severity { color: #555; font-weight: 400; font-size: .85rem; }
.fix { background: #f1f8e9; border-radius: .25rem; padding: .25rem .5rem; }
code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .9em; overflow-wrap: anywhere; }
details { margin: .5rem 0; } summary { cursor: pointer; }
details ul { padding-left: 1.25rem; } details li { margin: .25rem 0; overflow-wrap: anywhere; }
footer { color: #555; font-size: .85rem; text-align: center; padding: 1rem; }
@media (max-width: 30rem) {
  .bars li { grid-template-columns: 1fr 4rem; } .bars .bar { grid-column: 1 / -1; grid-row: 2; }
  .gauge { width: 7rem; height: 7rem; }
}
)css";

} // namespace mlfolio::report
