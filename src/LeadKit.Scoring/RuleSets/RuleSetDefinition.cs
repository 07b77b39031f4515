using System.Collections.Immutable;
using System.Diagnostics.Metrics;
using LeadKit.Abstractions.Scoring;
using LeadKit.Scoring.Model;
using LeadKit.Scoring.Rules;

namespace LeadKit.Scoring.RuleSets;

/// <summary>What a rule set document describes, read once: a model is built from it and it is written back from it.</summary>
internal sealed class RuleSetDefinition
{
    public string? Name { get; init; }

    public ScoreLimits Fit { get; init; }

    public ScoreLimits Engagement { get; init; }

    public ScoreLimits Total { get; init; }

    public ImmutableArray<ScoringGroup> Groups { get; init; } = [];

    public ImmutableArray<(IScoringRule Rule, string? Group)> Rules { get; init; } = [];

    public RuleSetThresholds Thresholds { get; init; } = RuleSetThresholds.None;

    /// <summary>Builds the model (throws <c>ConfigurationException</c> with builder paths, e.g. <c>rules[3].points</c>).</summary>
    public ScoringModel Build(ScoringRuleKinds kinds, TimeProvider timeProvider, IMeterFactory? meterFactory = null)
    {
        var builder = new ScoringModelBuilder().WithRuleKinds(kinds).WithTimeProvider(timeProvider);
        if (meterFactory is not null)
        {
            builder.WithMeterFactory(meterFactory);
        }

        builder
            .WithLimits(ScoreDimension.Fit, Fit)
            .WithLimits(ScoreDimension.Engagement, Engagement)
            .WithTotalLimits(Total);
        if (Name is not null)
        {
            builder.WithName(Name);
        }

        foreach (var group in Groups)
        {
            builder.AddGroup(group);
        }

        foreach (var (rule, group) in Rules)
        {
            builder.AddRule(rule, group);
        }

        return builder.Build();
    }
}
