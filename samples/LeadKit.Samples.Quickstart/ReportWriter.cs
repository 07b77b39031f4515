using System.Globalization;
using System.Text;
using LeadKit.Funnel.Diagrams;

namespace LeadKit.Samples.Quickstart;

/// <summary>Writes the quickstart's report folder: report.md, a self-contained report.html and funnel.svg.</summary>
internal static class ReportWriter
{
    /// <summary>Writes the three files into <paramref name="directory"/>; returns their paths.</summary>
    public static IReadOnlyList<string> Write(string directory, QuickstartReport report)
    {
        Directory.CreateDirectory(directory);
        var svg = FunnelSvg(report);
        var paths = new[] { Path.Combine(directory, "report.md"), Path.Combine(directory, "report.html"), Path.Combine(directory, "funnel.svg") };
        File.WriteAllText(paths[0], Markdown(report));
        File.WriteAllText(paths[1], HtmlReport.Write(report, svg));
        File.WriteAllText(paths[2], svg);
        return paths;
    }

    /// <summary>The funnel chart: every waterfall stage with the leads that reached it.</summary>
    public static string FunnelSvg(QuickstartReport report)
        => FunnelDiagrams.ToSvg(
            [.. report.Stages.Select(s => new FunnelChartStage(s.Label, s.Reached))],
            "Lead funnel",
            $"{Labels.Count(report.Leads)} leads created {report.DateRange}, as of {report.AsOfText}");

    private static string Markdown(QuickstartReport report)
    {
        var c = CultureInfo.InvariantCulture;
        var md = new StringBuilder();
        md.AppendLine("# LeadKit quickstart report").AppendLine();
        md.AppendLine(c, $"Deterministic demo data (seed {report.Seed}): {Labels.Count(report.Leads)} leads created {report.DateRange}; scores, funnel and deals as of {report.AsOfText}.").AppendLine();
        foreach (var line in report.Summary)
        {
            md.AppendLine(line + "  ");
        }

        md.AppendLine().AppendLine("![Funnel](funnel.svg)").AppendLine();
        md.AppendLine("## Conversion").AppendLine();
        md.AppendLine("| Stage | Leads reached | Step conversion | 95% interval | Of all leads |").AppendLine("| --- | ---: | ---: | --- | ---: |");
        foreach (var stage in report.Stages)
        {
            md.AppendLine(c, $"| {stage.Label} | {Labels.Count(stage.Reached)} | {(stage.Step is { } s ? Labels.Percent(s.Value) : "")} | {(stage.Step is { } r ? Interval(r) : "")} | {Labels.Percent(report.Leads == 0 ? null : (double)stage.Reached / report.Leads)} |");
        }

        md.AppendLine().AppendLine("## Where the leads are now").AppendLine();
        md.AppendLine("| Stage | Leads |").AppendLine("| --- | ---: |");
        foreach (var (stage, leads) in report.CurrentStages)
        {
            md.AppendLine(c, $"| {stage} | {Labels.Count(leads)} |");
        }

        md.AppendLine(c, $"| **All leads** | **{Labels.Count(report.CurrentStages.Sum(s => s.Leads))}** |");
        md.AppendLine().AppendLine("## Deals").AppendLine();
        md.AppendLine("| Won | Lost | Open | Win rate (decided deals) | 95% interval |").AppendLine("| ---: | ---: | ---: | ---: | --- |");
        md.AppendLine(c, $"| {Labels.Count(report.Deals.Won)} | {Labels.Count(report.Deals.Lost)} | {Labels.Count(report.Deals.Open)} | {Labels.Percent(report.Deals.WinRateByCount.Value)} | {Interval(report.Deals.WinRateByCount)} |");
        md.AppendLine().AppendLine("| Currency | Average ticket | Median ticket | Open pipeline | Sales velocity per day |").AppendLine("| --- | ---: | ---: | ---: | ---: |");
        foreach (var currency in report.Deals.ByCurrency)
        {
            md.AppendLine(c, $"| {currency.Currency} | {currency.AverageTicket.Mean:N0} | {currency.AverageTicket.Median:N0} | {currency.Pipeline.OpenValue:N0} | {currency.Velocity.ValuePerDay:N0} |");
        }

        md.AppendLine().AppendLine(c, $"Median sales cycle (creation to customer): {report.Report.Overall.SalesCycle.Length.Median?.TotalDays:0.0} days.").AppendLine();
        md.AppendLine("## How these numbers fit together").AppendLine();
        foreach (var note in report.Notes)
        {
            md.AppendLine("- " + note);
        }

        md.AppendLine().AppendLine("## By source").AppendLine();
        md.AppendLine("| Source | Leads | Reached MQL | Customers | Lead → customer | 95% interval |").AppendLine("| --- | ---: | ---: | ---: | ---: | --- |");
        foreach (var source in report.Report.BySource)
        {
            var rate = source.Conversion.LeadToCustomer;
            md.AppendLine(c, $"| {QuickstartReport.SourceLabel(source.Key)} | {Labels.Count(source.Conversion.Leads)} | {Labels.Count(source.Conversion.Waterfall[0].Rate.Numerator)} | {Labels.Count(rate.Numerator)} | {Labels.Percent(rate.Value)} | {Interval(rate)} |");
        }

        md.AppendLine().AppendLine("## By rep").AppendLine();
        md.AppendLine("| Rep | Leads | Customers | Lead → customer |").AppendLine("| --- | ---: | ---: | ---: |");
        foreach (var owner in report.Report.ByOwner)
        {
            var rate = owner.Conversion.LeadToCustomer;
            md.AppendLine(c, $"| {report.RepLabel(owner.Key)} | {Labels.Count(owner.Conversion.Leads)} | {Labels.Count(rate.Numerator)} | {Labels.Percent(rate.Value)} |");
        }

        md.AppendLine().AppendLine("## The funnel definition").AppendLine().AppendLine("```mermaid").Append(FunnelDiagrams.ToMermaid(report.Funnel)).AppendLine("```");
        return md.ToString();
    }

    /// <summary>The Wilson 95% interval of a rate, e.g. <c>43.5%–73.7%</c>; a dash without data.</summary>
    public static string Interval(LeadKit.Metrics.Rates.Rate rate)
        => rate.HasData ? $"{Labels.Percent(rate.Lower)}–{Labels.Percent(rate.Upper)}" : "–";
}
