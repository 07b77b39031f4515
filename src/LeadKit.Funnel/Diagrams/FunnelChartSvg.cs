using System.Globalization;
using System.Net;
using System.Text;

namespace LeadKit.Funnel.Diagrams;

/// <summary>Draws the funnel chart of <see cref="FunnelDiagrams.ToSvg"/>.</summary>
internal static class FunnelChartSvg
{
    private const int Width = 760;
    private const int LabelRight = 150;
    private const int BarLeft = 165;
    private const int BarMax = 420;
    private const int BarMin = 90;
    private const int BarHeight = 40;
    private const int StepGap = 30;
    private const int Top = 78;
    private const string Font = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

    // Dark to mid blue: white text stays readable on every bar (contrast above 4.5:1).
    private static readonly string[] Palette = ["#1e3a8a", "#1e40af", "#1d4ed8", "#2454c6", "#2b5fb4", "#2563eb", "#1d4ed8"];

    public static string Write(IReadOnlyList<FunnelChartStage> stages, string title, string? subtitle)
    {
        var c = CultureInfo.InvariantCulture;
        var max = stages.Max(s => s.Count);
        var height = Top + (stages.Count * BarHeight) + ((stages.Count - 1) * StepGap) + 48;
        var centre = BarLeft + (BarMax / 2.0);
        var widths = stages.Select(s => BarWidth(s.Count, max)).ToArray();
        var svg = new StringBuilder();
        svg.Append(c, $"""<svg xmlns="http://www.w3.org/2000/svg" width="{Width}" height="{height}" viewBox="0 0 {Width} {height}" font-family="{Font}" role="img" aria-labelledby="funnel-title">""").Append('\n');
        svg.Append(c, $"""  <title id="funnel-title">{Escape(title)}</title>""").Append('\n');
        svg.Append(c, $"""  <rect x="0" y="0" width="{Width}" height="{height}" fill="#ffffff" />""").Append('\n');
        svg.Append(c, $"""  <text x="24" y="34" font-size="20" font-weight="600" fill="#1a202c">{Escape(title)}</text>""").Append('\n');
        if (subtitle is not null)
        {
            svg.Append(c, $"""  <text x="24" y="56" font-size="13" fill="#4a5568">{Escape(subtitle)}</text>""").Append('\n');
        }

        svg.Append(c, $"""  <text x="{BarLeft + BarMax + 20}" y="{Top - 10}" font-size="11" fill="#718096">share of {Escape(stages[0].Label)}</text>""").Append('\n');
        for (var i = 0; i < stages.Count; i++)
        {
            var y = Top + (i * (BarHeight + StepGap));
            var x = centre - (widths[i] / 2);
            var middle = y + (BarHeight / 2) + 5;
            if (i > 0)
            {
                // The neck between two bars, shaped from the wider bar to the narrower one, carries the step conversion.
                var top = y - StepGap;
                svg.Append(c, $"""  <polygon points="{centre - (widths[i - 1] / 2):0.#},{top} {centre + (widths[i - 1] / 2):0.#},{top} {centre + (widths[i] / 2):0.#},{y} {centre - (widths[i] / 2):0.#},{y}" fill="#dbe4f3" />""").Append('\n');
                if (stages[i - 1].Count > 0)
                {
                    svg.Append(c, $"""  <text x="{centre:0.#}" y="{top + 20}" text-anchor="middle" font-size="12" fill="#2d3748">↓ {Percent(stages[i].Count, stages[i - 1].Count)} of {Escape(stages[i - 1].Label)}</text>""").Append('\n');
                }
            }

            var fill = stages[i].Count == 0 ? "#a0aec0" : Palette[Math.Min(i, Palette.Length - 1)];
            svg.Append(c, $"""  <text x="{LabelRight}" y="{middle}" text-anchor="end" font-size="14" font-weight="600" fill="#1a202c">{Escape(stages[i].Label)}</text>""").Append('\n');
            svg.Append(c, $"""  <rect class="stage" x="{x:0.#}" y="{y}" width="{widths[i]:0.#}" height="{BarHeight}" rx="6" fill="{fill}" />""").Append('\n');
            svg.Append(c, $"""  <text x="{centre:0.#}" y="{middle}" text-anchor="middle" font-size="15" font-weight="700" fill="#ffffff">{stages[i].Count.ToString("N0", c)}</text>""").Append('\n');
            if (stages[0].Count > 0)
            {
                svg.Append(c, $"""  <text x="{BarLeft + BarMax + 20}" y="{middle}" font-size="13" fill="#4a5568">{Percent(stages[i].Count, stages[0].Count)}</text>""").Append('\n');
            }
        }

        svg.Append(c, $"""  <text x="24" y="{height - 18}" font-size="11" fill="#718096">Bar widths follow a logarithmic scale so that small stages stay visible; the numbers are exact.</text>""").Append('\n');
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    // Logarithmic: 9 of 2,000 is a 0.45% sliver on a linear scale; log(1 + n) keeps it a readable bar while larger
    // counts stay wider. Zero gets the minimum width (and a grey fill) so the stage is still shown.
    private static double BarWidth(long count, long max)
        => max == 0 ? BarMin : BarMin + ((BarMax - BarMin) * Math.Log(1 + count) / Math.Log(1 + max));

    private static string Percent(long part, long whole)
        => string.Create(CultureInfo.InvariantCulture, $"{100.0 * part / whole:0.0}%");

    private static string Escape(string text) => WebUtility.HtmlEncode(text);
}
