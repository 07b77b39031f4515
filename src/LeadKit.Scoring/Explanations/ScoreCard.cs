using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using LeadKit.Abstractions.Scoring;

namespace LeadKit.Scoring.Explanations;

/// <summary>
/// The explanation of one score: every rule that contributed (raw points, frequency limit, decay, final points),
/// every group's clipping, the dimension and total limits, and — when a temperature classifier or qualification
/// policy is asked — the distance to the next threshold. Contains rule names and numbers only, no lead data.
/// </summary>
public sealed record ScoreCard
{
    /// <summary>Gets the model's name.</summary>
    public required string ModelName { get; init; }

    /// <summary>Gets the moment the score was computed for.</summary>
    public required DateTimeOffset AsOf { get; init; }

    /// <summary>Gets the score; identical to what <c>ScoringModel.Score</c> returns.</summary>
    public required LeadScore Score { get; init; }

    /// <summary>Gets the rules that gave points or matched at least one signal, in model order.</summary>
    public required ImmutableArray<RuleContribution> Rules { get; init; }

    /// <summary>Gets every group with its raw and clipped points.</summary>
    public required ImmutableArray<LimitContribution> Groups { get; init; }

    /// <summary>Gets the fit dimension before and after its limits.</summary>
    public required LimitContribution Fit { get; init; }

    /// <summary>Gets the engagement dimension before and after its limits.</summary>
    public required LimitContribution Engagement { get; init; }

    /// <summary>Gets the total before and after its limits.</summary>
    public required LimitContribution Total { get; init; }

    /// <summary>Gets the distances to the next temperature or qualification thresholds (empty when not computed).</summary>
    public ImmutableArray<ThresholdDistance> Distances { get; init; } = [];

    /// <summary>Writes the explanation as readable lines.</summary>
    /// <returns>The explanation.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.Append(c, $"Score (model '{ModelName}', as of {AsOf:yyyy-MM-dd HH:mm}): total {Score.Total:0.##} = fit {Score.Fit:0.##} + engagement {Score.Engagement:0.##}").AppendLine();
        foreach (var rule in Rules)
        {
            text.Append(c, $"  {rule.Points,8:+0.##;-0.##;0} {rule.Dimension.ToString().ToLowerInvariant(),-10} {rule.RuleName}");
            if (rule.Group is not null)
            {
                text.Append(c, $" [group {rule.Group}]");
            }

            if (rule.Occurrences is { } occurrences)
            {
                text.Append(c, $" ({occurrences} occurrence(s)");
                if (rule.CountedOccurrences != occurrences)
                {
                    text.Append(c, $", {rule.CountedOccurrences} counted");
                }

                text.Append(c, $", raw {rule.RawPoints:0.##}");
                if (rule.FrequencyAdjustment != 0)
                {
                    text.Append(c, $", frequency limit {rule.FrequencyAdjustment:+0.##;-0.##}");
                }

                if (rule.DecayAdjustment != 0)
                {
                    text.Append(c, $", decay {rule.DecayAdjustment:+0.##;-0.##}");
                }

                text.Append(')');
            }

            text.AppendLine();
        }

        foreach (var limit in Groups)
        {
            AppendLimit(text, "group " + limit.Name, limit);
        }

        AppendLimit(text, "fit", Fit);
        AppendLimit(text, "engagement", Engagement);
        AppendLimit(text, "total", Total);
        foreach (var distance in Distances)
        {
            text.Append("  ").Append(distance).AppendLine();
        }

        return text.ToString();
    }

    private static void AppendLimit(StringBuilder text, string name, LimitContribution limit)
    {
        if (limit.Clipping != 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {name}: {limit.RawPoints:0.##} clipped to {limit.Points:0.##} (floor {limit.Limits.Floor?.ToString(CultureInfo.InvariantCulture) ?? "none"}, cap {limit.Limits.Cap?.ToString(CultureInfo.InvariantCulture) ?? "none"})").AppendLine();
        }
    }
}
