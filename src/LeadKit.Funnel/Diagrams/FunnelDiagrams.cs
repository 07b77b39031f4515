using System.Globalization;
using System.Text;
using LeadKit.Abstractions.Common;
using LeadKit.Abstractions.Funnel;
using LeadKit.Funnel.Definitions;

namespace LeadKit.Funnel.Diagrams;

/// <summary>
/// Exports a funnel definition as a Mermaid <c>stateDiagram-v2</c> or a Graphviz DOT graph, guards shown as labels, and
/// draws stage counts as an SVG funnel chart.
/// </summary>
/// <remarks>
/// Deterministic: stages and transitions appear in definition order. Edge labels read
/// <c>trigger [guard; guard]</c>; backward edges are marked <c>(backward, reason required)</c>; SLAs are notes (Mermaid)
/// or part of the node label (DOT). Thread-safe.
/// </remarks>
public static class FunnelDiagrams
{
    /// <summary>Writes a Mermaid <c>stateDiagram-v2</c>.</summary>
    /// <param name="definition">The definition.</param>
    /// <returns>The diagram text (LF line endings).</returns>
    public static string ToMermaid(FunnelDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var text = new StringBuilder();
        text.Append("stateDiagram-v2\n");
        foreach (var stage in definition.Stages)
        {
            text.Append(CultureInfo.InvariantCulture, $"    state \"{MermaidText(stage.ToString())}\" as {Id(stage)}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"    [*] --> {Id(definition.InitialStage)}\n");
        foreach (var transition in definition.Transitions)
        {
            text.Append(CultureInfo.InvariantCulture, $"    {Id(transition.Source)} --> {Id(transition.Destination)} : {MermaidText(Label(transition))}\n");
        }

        foreach (var stage in definition.Stages)
        {
            if (definition.IsTerminal(stage))
            {
                text.Append(CultureInfo.InvariantCulture, $"    {Id(stage)} --> [*]\n");
            }

            if (definition.RecycleEntryStage(stage) is { } entry)
            {
                text.Append(CultureInfo.InvariantCulture, $"    note right of {Id(stage)} : recycled into a new lead starting in {MermaidText(entry.ToString())}\n");
            }

            if (definition.GetMaxTimeInStage(stage) is { } sla)
            {
                text.Append(CultureInfo.InvariantCulture, $"    note left of {Id(stage)} : SLA {FormatDuration(sla)}\n");
            }
        }

        return text.ToString();
    }

    /// <summary>Writes a Graphviz DOT directed graph.</summary>
    /// <param name="definition">The definition.</param>
    /// <param name="graphName">The graph's name.</param>
    /// <returns>The graph text (LF line endings).</returns>
    public static string ToDot(FunnelDefinition definition, string graphName = "funnel")
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentException.ThrowIfNullOrWhiteSpace(graphName);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"digraph {DotQuote(graphName)} {{\n");
        text.Append("    rankdir=LR;\n");
        text.Append("    node [shape=box, style=rounded];\n");
        text.Append("    \"__start\" [shape=point, label=\"\"];\n");
        foreach (var stage in definition.Stages)
        {
            var label = stage.ToString();
            if (definition.GetMaxTimeInStage(stage) is { } sla)
            {
                label += $"\nSLA {FormatDuration(sla)}";
            }

            if (definition.RecycleEntryStage(stage) is { } entry)
            {
                label += $"\nrecycled into {entry}";
            }

            var shape = definition.IsTerminal(stage) ? ", shape=doublecircle, style=solid" : string.Empty;
            text.Append(CultureInfo.InvariantCulture, $"    {DotQuote(stage.ToString())} [label={DotQuote(label)}{shape}];\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"    \"__start\" -> {DotQuote(definition.InitialStage.ToString())};\n");
        foreach (var transition in definition.Transitions)
        {
            var style = transition.IsBackward ? ", style=dashed" : string.Empty;
            text.Append(CultureInfo.InvariantCulture, $"    {DotQuote(transition.Source.ToString())} -> {DotQuote(transition.Destination.ToString())} [label={DotQuote(Label(transition))}{style}];\n");
        }

        text.Append("}\n");
        return text.ToString();
    }

    /// <summary>
    /// Draws a funnel chart as a self-contained SVG document: a title, one centred bar per stage with its count, the
    /// share of the first stage, and the step-to-step conversion between consecutive bars.
    /// </summary>
    /// <remarks>
    /// Bar widths follow a logarithmic scale (stated in the chart) so that a stage of 9 leads beside one of 2,000 is a
    /// readable bar rather than a sliver; the printed numbers are exact. Text is XML-escaped; the document references no
    /// external resource (no fonts, images or style sheets). Deterministic; thread-safe.
    /// </remarks>
    /// <param name="stages">The stages in funnel order; 1 to 62 of them.</param>
    /// <param name="title">The chart's title; follows <see cref="ConfigurationName"/> (1 to 200 characters, no control, format or bidi characters).</param>
    /// <param name="subtitle">An optional second line, e.g. the date range; follows <see cref="ConfigurationName"/> when given.</param>
    /// <returns>The SVG text (LF line endings).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stages"/>, an entry or <paramref name="title"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="stages"/> is empty or has more than 62 entries, or a label, the title or the subtitle breaks the
    /// <see cref="ConfigurationName"/> rule (the message names the argument, the index and the problem, never the text).
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">A stage's count is negative (the message names the index).</exception>
    public static string ToSvg(IReadOnlyList<FunnelChartStage> stages, string title, string? subtitle = null)
    {
        ArgumentNullException.ThrowIfNull(stages);
        if (stages.Count is 0 or > MaxChartStages)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"A funnel chart needs 1 to {MaxChartStages} stages (had {stages.Count})."), nameof(stages));
        }

        for (var i = 0; i < stages.Count; i++)
        {
            if (stages[i] is not { } stage)
            {
                throw new ArgumentNullException(nameof(stages), string.Create(CultureInfo.InvariantCulture, $"stages[{i}] is null."));
            }

            if (ConfigurationName.Problem(stage.Label) is { } labelProblem)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"stages[{i}].Label: {labelProblem}"), nameof(stages));
            }

            if (stage.Count < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(stages), string.Create(CultureInfo.InvariantCulture, $"stages[{i}].Count must not be negative."));
            }
        }

        ArgumentNullException.ThrowIfNull(title);
        if (ConfigurationName.Problem(title) is { } titleProblem)
        {
            throw new ArgumentException("The title: " + titleProblem, nameof(title));
        }

        if (subtitle is not null && ConfigurationName.Problem(subtitle) is { } subtitleProblem)
        {
            throw new ArgumentException("The subtitle: " + subtitleProblem, nameof(subtitle));
        }

        return FunnelChartSvg.Write(stages, title, subtitle);
    }

    private const int MaxChartStages = 62;

    private static string Label(FunnelTransition transition)
    {
        var label = new StringBuilder(transition.Trigger.ToString());
        if (transition.Guards.Length > 0)
        {
            label.Append(" [");
            for (var i = 0; i < transition.Guards.Length; i++)
            {
                label.Append(i == 0 ? string.Empty : "; ").Append(transition.Guards[i].Description);
            }

            label.Append(']');
        }

        if (transition.IsBackward)
        {
            label.Append(" (backward, reason required)");
        }

        return label.ToString();
    }

    // Mermaid state ids allow letters, digits and underscores; stage names may also hold '-' and '.'.
    private static string Id(FunnelStage stage)
    {
        var name = stage.ToString();
        var id = new StringBuilder(name.Length + 2);
        foreach (var c in name)
        {
            id.Append(char.IsAsciiLetterOrDigit(c) ? c : '_');
        }

        return id.ToString();
    }

    // Mermaid ends a label at a newline and treats ':' and ';' and '#' as syntax; keep labels on one line and inert.
    private static string MermaidText(string text)
    {
        var safe = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            safe.Append(c switch
            {
                '\r' or '\n' => ' ',
                ':' => '-',
                ';' => ',',
                '#' => ' ',
                '"' => '\'',
                _ => c,
            });
        }

        return safe.ToString();
    }

    private static string DotQuote(string text)
    {
        var quoted = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"':
                    quoted.Append("\\\"");
                    break;
                case '\\':
                    quoted.Append("\\\\");
                    break;
                case '\n':
                    quoted.Append("\\n");
                    break;
                case '\r':
                    break;
                default:
                    quoted.Append(c);
                    break;
            }
        }

        return quoted.Append('"').ToString();
    }

    private static string FormatDuration(TimeSpan duration)
        => duration.TotalHours == Math.Floor(duration.TotalHours)
            ? string.Create(CultureInfo.InvariantCulture, $"{duration.TotalHours:0} h")
            : string.Create(CultureInfo.InvariantCulture, $"{duration.TotalMinutes:0.##} min");
}
