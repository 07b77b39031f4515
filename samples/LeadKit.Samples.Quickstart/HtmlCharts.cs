using System.Globalization;
using System.Net;
using System.Text;
using LeadKit.Metrics.Reports;

namespace LeadKit.Samples.Quickstart;

/// <summary>The inline SVG charts of report.html: conversion by source and the score distribution.</summary>
internal static class HtmlCharts
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>The source segments, best lead → customer conversion first (ties by name, so the order is stable).</summary>
    public static IEnumerable<FunnelSegment> SourcesByConversion(QuickstartReport report)
        => report.Report.BySource.OrderByDescending(s => s.Conversion.LeadToCustomer.Value ?? 0).ThenByDescending(s => s.Conversion.Waterfall[0].Rate.Value ?? 0)
            .ThenBy(s => s.Key.Label, StringComparer.Ordinal);

    /// <summary>Two bars per source: the share of its leads that reached MQL and the share that became customers.</summary>
    public static string SourceChart(QuickstartReport report)
    {
        const int width = 760, left = 150, right = 90, rowHeight = 40, top = 40;
        var sources = SourcesByConversion(report).ToList();
        var height = top + (sources.Count * rowHeight) + 30;
        var max = Math.Max(0.01, sources.Select(s => s.Conversion.Waterfall[0].Rate.Value ?? 0).DefaultIfEmpty(0).Max());
        var scale = Math.Ceiling(max * 20) / 20; // the axis ends at the next 5%
        var plot = width - left - right;
        var svg = new StringBuilder();
        svg.Append(C, $"""<svg width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif" role="img" aria-label="Conversion by source">""").Append('\n');
        svg.Append(C, $"""<rect x="{left}" y="8" width="12" height="12" fill="#93c5fd" /><text x="{left + 18}" y="18" font-size="12" fill="#2d3748">reached MQL (% of the source's leads)</text>""").Append('\n');
        svg.Append(C, $"""<rect x="{left + 270}" y="8" width="12" height="12" fill="#1e3a8a" /><text x="{left + 288}" y="18" font-size="12" fill="#2d3748">became customers</text>""").Append('\n');
        for (var tick = 0; tick <= 4; tick++)
        {
            var x = left + (plot * tick / 4.0);
            svg.Append(C, $"""<line x1="{x:0.#}" y1="{top - 6}" x2="{x:0.#}" y2="{height - 26}" stroke="#e2e8f0" /><text x="{x:0.#}" y="{height - 10}" font-size="11" text-anchor="middle" fill="#718096">{scale * tick / 4 * 100:0.#}%</text>""").Append('\n');
        }

        for (var i = 0; i < sources.Count; i++)
        {
            var conversion = sources[i].Conversion;
            var mql = conversion.Waterfall[0].Rate.Value ?? 0;
            var customer = conversion.LeadToCustomer.Value ?? 0;
            var y = top + (i * rowHeight);
            svg.Append(C, $"""<text x="{left - 10}" y="{y + 20}" font-size="13" text-anchor="end" fill="#1a202c">{E(QuickstartReport.SourceLabel(sources[i].Key))}</text>""").Append('\n');
            svg.Append(C, $"""<rect x="{left}" y="{y + 2}" width="{Math.Max(1, plot * mql / scale):0.#}" height="14" rx="3" fill="#93c5fd" /><text x="{left + (plot * mql / scale) + 6:0.#}" y="{y + 14}" font-size="11" fill="#2d3748">{Labels.Percent(mql)}</text>""").Append('\n');
            svg.Append(C, $"""<rect x="{left}" y="{y + 18}" width="{Math.Max(1, plot * customer / scale):0.#}" height="14" rx="3" fill="#1e3a8a" /><text x="{left + (plot * customer / scale) + 6:0.#}" y="{y + 30}" font-size="11" fill="#2d3748">{Labels.Percent(customer)} ({conversion.LeadToCustomer.Numerator} of {Labels.Count(conversion.Leads)})</text>""").Append('\n');
        }

        return svg.Append("</svg>\n").ToString();
    }

    /// <summary>A histogram of total scores on the report date, in bins of 10 points.</summary>
    public static string ScoreHistogram(QuickstartReport report)
    {
        const int width = 560, height = 300, left = 48, bottom = 46, top = 24, bin = 10;
        var totals = report.Assessments.Select(a => a.Assessment.Score.Total).ToList();
        var first = (int)Math.Floor(totals.DefaultIfEmpty(0).Min() / bin) * bin;
        var last = (int)Math.Floor(totals.DefaultIfEmpty(0).Max() / bin) * bin;
        var bins = Enumerable.Range(0, ((last - first) / bin) + 1).Select(i => first + (i * bin)).ToList();
        var counts = bins.Select(b => totals.Count(t => t >= b && t < b + bin)).ToList();
        var max = Math.Max(1, counts.Max());
        var plotHeight = height - top - bottom;
        var columnWidth = (width - left - 12) / (double)bins.Count;
        var svg = new StringBuilder();
        svg.Append(C, $"""<svg width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif" role="img" aria-label="Score distribution">""").Append('\n');
        svg.Append(C, $"""<line x1="{left}" y1="{height - bottom}" x2="{width - 12}" y2="{height - bottom}" stroke="#a0aec0" />""").Append('\n');
        for (var i = 0; i < bins.Count; i++)
        {
            var h = plotHeight * counts[i] / (double)max;
            var x = left + (i * columnWidth);
            var fill = bins[i] < 0 ? "#a0aec0" : "#2563eb";
            svg.Append(C, $"""<rect x="{x + 2:0.#}" y="{height - bottom - h:0.#}" width="{columnWidth - 4:0.#}" height="{h:0.#}" fill="{fill}" />""").Append('\n');
            svg.Append(C, $"""<text x="{x + (columnWidth / 2):0.#}" y="{height - bottom - h - 5:0.#}" font-size="11" text-anchor="middle" fill="#2d3748">{counts[i]}</text>""").Append('\n');
            svg.Append(C, $"""<text x="{x + (columnWidth / 2):0.#}" y="{height - bottom + 16}" font-size="11" text-anchor="middle" fill="#4a5568">{bins[i]}</text>""").Append('\n');
        }

        svg.Append(C, $"""<text x="{left + ((width - left) / 2)}" y="{height - 8}" font-size="12" text-anchor="middle" fill="#4a5568">total score (fit + engagement), bins of {bin} points; grey: below zero</text>""").Append('\n');
        svg.Append(C, $"""<text x="14" y="{top + (plotHeight / 2)}" font-size="12" text-anchor="middle" fill="#4a5568" transform="rotate(-90 14 {top + (plotHeight / 2)})">leads</text>""").Append('\n');
        return svg.Append("</svg>\n").ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
