namespace Meridian.Grains.Backtesting.Reports;

/// <summary>The page's stylesheet, inlined so report.html needs nothing beside it.</summary>
internal static class ReportStyle
{
    public const string Css = """
        :root{--pos:#15803d;--neg:#b91c1c;--muted:#6b7280;--line:#e5e7eb}
        *{box-sizing:border-box}
        body{margin:0;background:#f9fafb;color:#111827;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif}
        main{max-width:1120px;margin:0 auto;padding:24px}
        h1{font-size:24px;margin:0 0 4px}
        h2{font-size:17px;margin:32px 0 10px}
        .subtitle,.note{color:var(--muted)}
        .subtitle{margin:0 0 20px}
        .cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(170px,1fr));gap:10px}
        .card{background:#fff;border:1px solid var(--line);border-radius:8px;padding:10px 14px}
        .card .label{color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.04em}
        .card .value{font-size:22px;font-weight:600;font-variant-numeric:tabular-nums}
        .card .note{font-size:12px}
        .pos{color:var(--pos)}
        .neg{color:var(--neg)}
        .columns{display:grid;grid-template-columns:repeat(auto-fit,minmax(330px,1fr));gap:16px;align-items:start}
        .scroll{overflow-x:auto}
        table{border-collapse:collapse;background:#fff;border:1px solid var(--line);font-variant-numeric:tabular-nums}
        .figures{width:100%}
        th,td{padding:4px 10px;border-bottom:1px solid var(--line);text-align:left;white-space:nowrap}
        th{background:#f3f4f6;font-size:12px;font-weight:600}
        th.num,td.num{text-align:right}
        td.wrap{white-space:normal;min-width:240px;max-width:480px}
        td.indent{padding-left:26px}
        .monthly td.num{min-width:62px}
        .monthly td.total{font-weight:600;border-left:2px solid var(--line)}
        .chart{display:block;width:100%;height:auto;background:#fff;border:1px solid var(--line);border-radius:8px}
        .chart text{font-size:12px;fill:#4b5563}
        .chart .grid line{stroke:#eef0f3}
        .chart .axis line{stroke:#9ca3af}
        .chart .line{fill:none;stroke-width:1.6;stroke-linejoin:round}
        .equity .line{stroke:#2563eb}
        .equity .area{fill:#2563eb;fill-opacity:.08}
        .equity .dot{fill:#2563eb}
        .drawdown .line{stroke:#b91c1c}
        .drawdown .area{fill:#b91c1c;fill-opacity:.18}
        .drawdown .dot{fill:#b91c1c}
        .hover rect{fill:#000;fill-opacity:0}
        .hover rect:hover{fill-opacity:.07}
        footer{color:var(--muted);font-size:12px;margin-top:40px}
        """;
}
