/** The report's stylesheet, inlined so the file opens offline. */
export const reportCss = `
:root { font-family: system-ui, "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; color: #1f2328; }
body { margin: 0 auto; max-width: 1100px; padding: 24px; line-height: 1.45; }
h1 { margin: 0 0 4px; } h2 { margin-top: 40px; border-bottom: 2px solid #d0d7de; padding-bottom: 4px; }
.en { color: #57606a; font-size: 0.9em; }
code { font-size: 0.85em; background: #f6f8fa; padding: 0 3px; border-radius: 3px; }
nav ol { columns: 2; }
table { border-collapse: collapse; margin: 12px 0; width: 100%; }
th, td { border: 1px solid #d0d7de; padding: 4px 8px; text-align: right; }
th[scope=row], .sources td { text-align: left; }
caption { text-align: left; font-weight: 600; padding: 4px 0; }
tr.baseline th { font-weight: 700; } tr.proposal { font-style: italic; }
.dev-0 { background: #dafbe1; } .dev-1 { background: #fff8c5; } .dev-2 { background: #ffdf9e; } .dev-3 { background: #ffb38a; } .dev-4 { background: #ff8182; }
.legend span { padding: 2px 8px; border-radius: 3px; margin-right: 4px; }
td.score { font-weight: 700; }
.band-a rect { fill: #2da44e; } .band-b rect { fill: #bf8700; } .band-c rect { fill: #e16f24; } .band-d rect { fill: #cf222e; }
svg text { font-size: 12px; fill: #1f2328; } .axis { stroke: #8c959f; } .threshold { stroke: #57606a; stroke-dasharray: 4 3; }
td.flag { text-align: center; } .catalogue-metrics thead th:first-child, .convergence thead th:first-child { text-align: left; } .catalogue-metrics td, .convergence td { text-align: right; } .note { font-size: 0.85em; color: #57606a; }
details.plan { margin: 6px 0; } details.plan summary { cursor: pointer; }
.plan li { margin: 4px 0; } .w { display: inline-block; min-width: 2.5em; font-weight: 700; color: #cf222e; }
.flags li { color: #9a6700; }
footer { margin-top: 40px; font-size: 0.85em; color: #57606a; }
`;
