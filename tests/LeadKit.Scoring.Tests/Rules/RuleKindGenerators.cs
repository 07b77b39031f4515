using System.Collections.Frozen;
using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using LeadKit.Abstractions.Engagement;
using LeadKit.Abstractions.Fields;
using LeadKit.Abstractions.Scoring;
using LeadKit.Abstractions.Sources;
using LeadKit.Scoring.Rules;
using LeadKit.Scoring.Tests.Model;

namespace LeadKit.Scoring.Tests.Rules;

/// <summary>
/// A random-rule generator for every built-in rule kind, by JSON type name. <see cref="RuleKindDifferentialTests"/> checks
/// that every kind in <see cref="ScoringRuleKinds.Default"/> has one, so a new kind cannot join the registry untested.
/// Rule names are set by the model generator.
/// </summary>
internal static class RuleKindGenerators
{
    private static readonly EngagementSignalKind[] Signals =
    [
        EngagementSignalKind.PageView, EngagementSignalKind.PricingPageView, EngagementSignalKind.EmailClick,
        EngagementSignalKind.DemoRequested, EngagementSignalKind.WebinarAttended,
    ];

    private static readonly LeadSource[] Sources = [LeadSource.Referral, LeadSource.PurchasedList, LeadSource.WebsiteForm];

    private static readonly AttributeCondition[] Conditions =
    [
        AttributeCondition.IsAnyOf(LeadField.Industry, "software", "retail"),
        AttributeCondition.Between(LeadField.EmployeeCount, 10, 900),
        AttributeCondition.AtLeast(LeadField.EmployeeCount, 250),
        AttributeCondition.Contains(LeadField.JobTitle, "head", "vp"),
        AttributeCondition.Not(AttributeCondition.Exists(LeadField.Country)),
        AttributeCondition.Any(AttributeCondition.IsTrue(LeadField.DoNotContact), AttributeCondition.IsNoneOf(LeadField.Country, "DE")),
    ];

    /// <summary>Gets a generator of rules (named <c>name</c>) for each built-in kind's type name.</summary>
    public static FrozenDictionary<string, Func<string, Gen<IScoringRule>>> ByTypeName { get; } = new Dictionary<string, Func<string, Gen<IScoringRule>>>
    {
        ["attribute"] = name =>
            from condition in Gen.Elements(Conditions)
            from points in Points
            from dimension in Dimensions
            select (IScoringRule)new AttributeRule(name, condition, points) { Dimension = dimension },
        ["source"] = name =>
            from points in Gen.ArrayOf(Points, Sources.Length)
            from count in Gen.Choose(1, Sources.Length)
            select (IScoringRule)new LeadSourceRule(name, Sources.Take(count).Select((s, i) => KeyValuePair.Create(s, points[i]))),
        ["signal"] = name =>
            from count in Gen.Choose(1, 3)
            from first in Gen.Choose(0, Signals.Length - 1)
            from points in Points
            from max in Optional(1, 5)
            from min in Optional(1, 3)
            from window in Optional(1, 120)
            from decay in Gen.OneOf(Gen.Constant<Scoring.Decay.DecayFunction?>(null), ScoringModelPropertyTests.Arbitraries.Decays.Select(d => (Scoring.Decay.DecayFunction?)d))
            select (IScoringRule)new SignalRule(name, [.. Enumerable.Range(first, count).Select(i => Signals[i % Signals.Length])], points)
            {
                MaxOccurrences = max,
                MinOccurrences = min,
                Window = window is { } w ? TimeSpan.FromDays(w) : null,
                Decay = decay,
            },
        ["emailDomain"] = name =>
            from business in Points
            from free in Points
            from custom in Gen.Elements(true, false)
            select (IScoringRule)new EmailDomainRule(name, business, free)
            {
                FreeMail = custom ? new[] { "example.org", "mail.test" }.ToFrozenSet(StringComparer.Ordinal) : FreeMailDomains.Default,
            },
        ["inactivity"] = name =>
            from days in Gen.Choose(1, 120)
            from points in Gen.Choose(-300, 0)
            select (IScoringRule)new InactivityRule(name, TimeSpan.FromDays(days), points / 10.0),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Gets a generator of 1 to 12 rules of any registered kinds, named <c>rule_0</c>, <c>rule_1</c>, ...</summary>
    public static Gen<ImmutableArray<IScoringRule>> Rules { get; } =
        from kinds in Gen.Elements([.. ScoringRuleKinds.Default.RuleKinds.Select(k => k.TypeName)]).ArrayOf().Where(k => k.Length is > 0 and <= 12)
        from rules in Gen.CollectToArray(kinds.Select((kind, i) => ByTypeName[kind](FormattableString.Invariant($"rule_{i}"))))
        select rules.ToImmutableArray();

    private static Gen<double> Points { get; } = Gen.Choose(-300, 300).Select(p => p / 10.0);

    private static Gen<ScoreDimension> Dimensions { get; } = Gen.Elements(ScoreDimension.Fit, ScoreDimension.Engagement);

    private static Gen<int?> Optional(int min, int max) => Gen.OneOf(Gen.Constant<int?>(null), Gen.Choose(min, max).Select(v => (int?)v));
}
