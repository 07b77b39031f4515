using System.Globalization;
using System.Net;
using System.Text;

namespace LeadKit.Samples.Quickstart;

/// <summary>
/// Writes report.html: one self-contained file (inline CSS and SVG, no script, no external fonts, images or style
/// sheets) that opens in any browser, offline, and prints well.
/// </summary>
internal static class HtmlReport
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    private const string Style = """
        :root { color-scheme: light; }
        * { box-sizing: border-box; }
        body { margin: 0; background: #f4f6fa; color: #1a202c; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
        main { max-width: 1080px; margin: 0 auto; padding: 32px 24px 48px; }
        header h1 { margin: 0 0 4px; font-size: 28px; }
        .meta { color: #4a5568; margin: 0 0 16px; }
        .summary { background: #fff; border-left: 4px solid #1d4ed8; padding: 12px 16px; border-radius: 6px; margin: 0 0 24px; }
        .summary p { margin: 2px 0; }
        .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(120px, 1fr)); gap: 12px; margin-bottom: 24px; }
        .card { background: #fff; border-radius: 8px; padding: 14px 16px; box-shadow: 0 1px 2px rgba(0,0,0,.06); }
        .card .value { font-size: 26px; font-weight: 700; color: #1e3a8a; }
        .card .label { color: #4a5568; font-size: 13px; }
        section { background: #fff; border-radius: 8px; padding: 20px 24px; margin-bottom: 20px; box-shadow: 0 1px 2px rgba(0,0,0,.06); }
        section h2 { margin: 0 0 12px; font-size: 19px; }
        .row { display: flex; flex-wrap: wrap; gap: 24px; align-items: flex-start; }
        .row > * { flex: 1 1 320px; }
        svg { max-width: 100%; height: auto; }
        table { border-collapse: collapse; width: 100%; font-size: 14px; }
        th, td { padding: 6px 10px; border-bottom: 1px solid #e2e8f0; text-align: left; white-space: nowrap; }
        td.wrap { white-space: normal; }
        .chart { text-align: center; margin-bottom: 16px; }
        th { background: #edf2f7; font-weight: 600; }
        td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
        tr.total td { font-weight: 700; border-top: 2px solid #cbd5e0; }
        ul.notes { margin: 0; padding-left: 20px; }
        ul.notes li { margin-bottom: 6px; }
        footer { color: #718096; font-size: 12px; text-align: center; }
        """;

    /// <summary>The whole document; <paramref name="funnelSvg"/> is the chart written to funnel.svg, inlined.</summary>
    public static string Write(QuickstartReport report, string funnelSvg)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n");
        html.Append("<title>LeadKit quickstart report</title>\n<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n<main>\n");
        html.Append("<header>\n<h1>LeadKit quickstart report</h1>\n");
        html.Append(C, $"<p class=\"meta\">Deterministic demo data (seed {report.Seed}) · leads created {E(report.DateRange)} · as of {E(report.AsOfText)}</p>\n</header>\n");
        html.Append("<div class=\"summary\">\n");
        foreach (var line in report.Summary)
        {
            html.Append("<p>").Append(E(line)).Append("</p>\n");
        }

        html.Append("</div>\n");
        Cards(html, report);

        html.Append("<section>\n<h2>Funnel</h2>\n<div class=\"chart\">\n");
        // Inline SVG in HTML needs no namespace declaration; leaving it out keeps the page free of any URL.
        html.Append(funnelSvg.Replace(" xmlns=\"http://www.w3.org/2000/svg\"", string.Empty, StringComparison.Ordinal));
        html.Append("</div>\n<div class=\"row\">\n<div>\n<table>\n<thead><tr><th>Stage</th><th class=\"n\">Leads reached</th><th class=\"n\">Step conversion</th><th>95% interval</th><th class=\"n\">Of all leads</th></tr></thead>\n<tbody>\n");
        foreach (var stage in report.Stages)
        {
            html.Append(C, $"<tr><td>{E(stage.Label)}</td><td class=\"n\">{Labels.Count(stage.Reached)}</td><td class=\"n\">{(stage.Step is { } s ? Labels.Percent(s.Value) : string.Empty)}</td><td>{(stage.Step is { } r ? ReportWriter.Interval(r) : string.Empty)}</td><td class=\"n\">{Labels.Percent(report.Leads == 0 ? null : (double)stage.Reached / report.Leads)}</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</div>\n<div>\n<table>\n<thead><tr><th>Where the leads are now</th><th class=\"n\">Leads</th></tr></thead>\n<tbody>\n");
        foreach (var (stage, leads) in report.CurrentStages)
        {
            html.Append(C, $"<tr><td>{E(stage)}</td><td class=\"n\">{Labels.Count(leads)}</td></tr>\n");
        }

        html.Append(C, $"<tr class=\"total\"><td>All leads</td><td class=\"n\">{Labels.Count(report.CurrentStages.Sum(s => s.Leads))}</td></tr>\n</tbody>\n</table>\n</div>\n</div>\n</section>\n");

        html.Append("<section>\n<h2>How these numbers fit together</h2>\n<ul class=\"notes\">\n");
        foreach (var note in report.Notes)
        {
            html.Append("<li>").Append(E(note)).Append("</li>\n");
        }

        html.Append("</ul>\n</section>\n");
        Deals(html, report);
        html.Append("<section>\n<h2>Conversion by source</h2>\n").Append(HtmlCharts.SourceChart(report)).Append(SourceTable(report)).Append("</section>\n");
        html.Append("<section>\n<h2>Score distribution</h2>\n<div class=\"row\">\n<div>\n").Append(HtmlCharts.ScoreHistogram(report)).Append("</div>\n<div>\n").Append(MixTable(report)).Append("</div>\n</div>\n</section>\n");
        Reps(html, report);
        html.Append("<footer>Generated by samples/LeadKit.Samples.Quickstart. Rates show a Wilson 95% interval; \"reached\" counts every lead that passed a stage.</footer>\n");
        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void Cards(StringBuilder html, QuickstartReport report)
    {
        var reached = report.Stages.ToDictionary(s => s.Stage, s => s.Reached);
        var currency = report.Deals.ByCurrency.Count > 0 ? report.Deals.ByCurrency[0] : null;
        var cards = new List<(string Value, string Label)>
        {
            (Labels.Count(report.Leads), "leads"),
            (Labels.Count(reached[LeadKit.Abstractions.Funnel.FunnelStage.Mql]), "reached MQL"),
            (Labels.Count(reached[LeadKit.Abstractions.Funnel.FunnelStage.Customer]), "customers"),
            (Labels.Percent(report.Report.Overall.Conversion.LeadToCustomer.Value), "lead → customer"),
            (Labels.Percent(report.Deals.WinRateByCount.Value), "win rate (decided deals)"),
        };
        if (currency is not null)
        {
            cards.Add((string.Create(C, $"{currency.AverageTicket.Mean:N0}"), $"average ticket ({currency.Currency})"));
            cards.Add((string.Create(C, $"{currency.Pipeline.OpenValue:N0}"), $"open pipeline ({currency.Currency})"));
        }

        html.Append("<div class=\"cards\">\n");
        foreach (var (value, label) in cards)
        {
            html.Append(C, $"<div class=\"card\"><div class=\"value\">{E(value)}</div><div class=\"label\">{E(label)}</div></div>\n");
        }

        html.Append("</div>\n");
    }

    private static void Deals(StringBuilder html, QuickstartReport report)
    {
        var d = report.Deals;
        html.Append("<section>\n<h2>Deals</h2>\n<table>\n<thead><tr><th class=\"n\">Won</th><th class=\"n\">Lost</th><th class=\"n\">Open</th><th class=\"n\">Win rate (decided deals)</th><th>95% interval</th><th class=\"n\">Median sales cycle</th></tr></thead>\n<tbody>\n");
        html.Append(C, $"<tr><td class=\"n\">{Labels.Count(d.Won)}</td><td class=\"n\">{Labels.Count(d.Lost)}</td><td class=\"n\">{Labels.Count(d.Open)}</td><td class=\"n\">{Labels.Percent(d.WinRateByCount.Value)}</td><td>{ReportWriter.Interval(d.WinRateByCount)}</td><td class=\"n\">{report.Report.Overall.SalesCycle.Length.Median?.TotalDays:0.0} days</td></tr>\n</tbody>\n</table>\n");
        html.Append("<table style=\"margin-top:12px\">\n<thead><tr><th>Currency</th><th class=\"n\">Average ticket</th><th class=\"n\">Median ticket</th><th class=\"n\">Open pipeline</th><th class=\"n\">Sales velocity per day</th></tr></thead>\n<tbody>\n");
        foreach (var currency in d.ByCurrency)
        {
            html.Append(C, $"<tr><td>{E(currency.Currency.ToString())}</td><td class=\"n\">{currency.AverageTicket.Mean:N0}</td><td class=\"n\">{currency.AverageTicket.Median:N0}</td><td class=\"n\">{currency.Pipeline.OpenValue:N0}</td><td class=\"n\">{currency.Velocity.ValuePerDay:N0}</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</section>\n");
    }

    private static string SourceTable(QuickstartReport report)
    {
        var html = new StringBuilder("<table style=\"margin-top:12px\">\n<thead><tr><th>Source</th><th class=\"n\">Leads</th><th class=\"n\">Reached MQL</th><th class=\"n\">Customers</th><th class=\"n\">Lead → customer</th><th>95% interval</th></tr></thead>\n<tbody>\n");
        foreach (var source in HtmlCharts.SourcesByConversion(report))
        {
            var rate = source.Conversion.LeadToCustomer;
            html.Append(C, $"<tr><td>{E(QuickstartReport.SourceLabel(source.Key))}</td><td class=\"n\">{Labels.Count(source.Conversion.Leads)}</td><td class=\"n\">{Labels.Count(source.Conversion.Waterfall[0].Rate.Numerator)}</td><td class=\"n\">{Labels.Count(rate.Numerator)}</td><td class=\"n\">{Labels.Percent(rate.Value)}</td><td>{ReportWriter.Interval(rate)}</td></tr>\n");
        }

        return html.Append("</tbody>\n</table>\n").ToString();
    }

    private static string MixTable(QuickstartReport report)
    {
        var html = new StringBuilder("<table>\n<thead><tr><th>On the report date</th><th class=\"n\">Leads</th></tr></thead>\n<tbody>\n");
        foreach (var group in report.Assessments.GroupBy(a => a.Assessment.Temperature).OrderBy(g => g.Key))
        {
            html.Append(C, $"<tr><td>{E(group.Key.ToString())}</td><td class=\"n\">{Labels.Count(group.Count())}</td></tr>\n");
        }

        foreach (var group in report.Assessments.GroupBy(a => a.Assessment.Qualification.Level).OrderBy(g => g.Key))
        {
            html.Append(C, $"<tr><td>{E(Labels.Readable(group.Key.ToString().ToLowerInvariant()))}</td><td class=\"n\">{Labels.Count(group.Count())}</td></tr>\n");
        }

        return html.Append("</tbody>\n</table>\n").ToString();
    }

    private static void Reps(StringBuilder html, QuickstartReport report)
    {
        html.Append("<section>\n<h2>By rep</h2>\n<table>\n<thead><tr><th>Rep</th><th class=\"n\">Leads</th><th class=\"n\">Customers</th><th class=\"n\">Lead → customer</th></tr></thead>\n<tbody>\n");
        foreach (var owner in report.Report.ByOwner)
        {
            var rate = owner.Conversion.LeadToCustomer;
            html.Append(C, $"<tr><td>{E(report.RepLabel(owner.Key))}</td><td class=\"n\">{Labels.Count(owner.Conversion.Leads)}</td><td class=\"n\">{Labels.Count(rate.Numerator)}</td><td class=\"n\">{Labels.Percent(rate.Value)}</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</section>\n");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
