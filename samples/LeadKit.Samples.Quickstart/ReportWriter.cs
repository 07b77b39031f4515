using System.Globalization;
using System.Net;
using System.Text;
using LeadKit.Funnel.Definitions;
using LeadKit.Funnel.Diagrams;
using LeadKit.Metrics.Reports;

namespace LeadKit.Samples.Quickstart;

/// <summary>Writes the quickstart's report folder: a Markdown report and a self-contained SVG funnel chart.</summary>
internal static class ReportWriter
{
    /// <summary>Writes <c>report.md</c> and <c>funnel.svg</c> into <paramref name="directory"/>; returns the Markdown path.</summary>
    public static string Write(string directory, FunnelReport report, FunnelDefinition funnel, int seed)
    {
        Directory.CreateDirectory(directory);
        var steps = FunnelSteps(report);
        File.WriteAllText(Path.Combine(directory, "funnel.svg"), Svg(steps));

        var md = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        md.AppendLine("# LeadKit quickstart report").AppendLine();
        md.AppendLine(c, $"Deterministic demo data (seed {seed}), {report.Overall.Conversion.Leads} leads.").AppendLine();
        md.AppendLine("![Funnel](funnel.svg)").AppendLine();
        md.AppendLine("## Conversion").AppendLine();
        md.AppendLine("| Step | Count | Rate (95% interval) |").AppendLine("| --- | ---: | --- |");
        md.AppendLine(c, $"| lead -> customer | {report.Overall.Conversion.LeadToCustomer.Numerator}/{report.Overall.Conversion.LeadToCustomer.Denominator} | {report.Overall.Conversion.LeadToCustomer} |");
        foreach (var step in report.Overall.Conversion.Waterfall)
        {
            md.AppendLine(c, $"| {step.From} -> {step.To} | {step.Rate.Numerator}/{step.Rate.Denominator} | {step.Rate} |");
        }

        md.AppendLine().AppendLine("## Deals").AppendLine();
        md.AppendLine("| Currency | Win rate | Average ticket | Median ticket | Velocity per day |").AppendLine("| --- | --- | ---: | ---: | ---: |");
        foreach (var currency in report.Overall.Deals.ByCurrency)
        {
            md.AppendLine(c, $"| {currency.Currency} | {currency.WinRate.ByCount} | {currency.AverageTicket.Mean:0.00} | {currency.AverageTicket.Median:0.00} | {currency.Velocity.ValuePerDay:0.00} |");
        }

        md.AppendLine().AppendLine(c, $"Median sales cycle: {report.Overall.SalesCycle.Length.Median?.TotalDays:0.0} days.").AppendLine();
        md.AppendLine("## By source").AppendLine();
        md.AppendLine("| Source | Leads | Lead -> customer |").AppendLine("| --- | ---: | --- |");
        foreach (var source in report.BySource)
        {
            md.AppendLine(c, $"| {source.Key.Label} | {source.Conversion.Leads} | {source.Conversion.LeadToCustomer} |");
        }

        md.AppendLine().AppendLine("## By rep").AppendLine();
        md.AppendLine("| Rep | Leads | Lead -> customer |").AppendLine("| --- | ---: | --- |");
        foreach (var owner in report.ByOwner)
        {
            md.AppendLine(c, $"| {owner.Key.Label} | {owner.Conversion.Leads} | {owner.Conversion.LeadToCustomer} |");
        }

        md.AppendLine().AppendLine("## The funnel").AppendLine().AppendLine("```mermaid").Append(FunnelDiagrams.ToMermaid(funnel)).AppendLine("```");
        var path = Path.Combine(directory, "report.md");
        File.WriteAllText(path, md.ToString());
        return path;
    }

    /// <summary>How many leads reached each stage of the main path: the waterfall's denominators, then the last numerator.</summary>
    private static List<(string Stage, long Count)> FunnelSteps(FunnelReport report)
    {
        var steps = new List<(string, long)>();
        foreach (var step in report.Overall.Conversion.Waterfall)
        {
            steps.Add((step.From.ToString(), step.Rate.Denominator));
        }

        if (report.Overall.Conversion.Waterfall is [.., var last])
        {
            steps.Add((last.To.ToString(), last.Rate.Numerator));
        }

        return steps;
    }

    private static string Svg(List<(string Stage, long Count)> steps)
    {
        const int width = 640, barHeight = 36, gap = 8, label = 120;
        var max = Math.Max(1, steps.Count == 0 ? 1 : steps.Max(s => s.Count));
        var height = (steps.Count * (barHeight + gap)) + gap;
        var svg = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        svg.AppendLine(c, $"""<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="14">""");
        for (var i = 0; i < steps.Count; i++)
        {
            var (stage, count) = steps[i];
            var barWidth = Math.Max(2.0, (width - label - 80) * (double)count / max);
            var x = label + ((width - label - 80 - barWidth) / 2);
            var y = gap + (i * (barHeight + gap));
            svg.AppendLine(c, $"""  <text x="{label - 8}" y="{y + 23}" text-anchor="end">{WebUtility.HtmlEncode(stage)}</text>""");
            svg.AppendLine(c, $"""  <rect x="{x:0.#}" y="{y}" width="{barWidth:0.#}" height="{barHeight}" rx="4" fill="#2b6cb0" />""");
            svg.AppendLine(c, $"""  <text x="{width - 72}" y="{y + 23}">{count}</text>""");
        }

        svg.AppendLine("</svg>");
        return svg.ToString();
    }
}
