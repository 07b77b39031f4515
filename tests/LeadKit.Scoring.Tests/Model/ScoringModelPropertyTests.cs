using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadKit.Abstractions.Engagement;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Scoring;
using LeadKit.Abstractions.Sources;
using LeadKit.Scoring.Decay;
using LeadKit.Scoring.Model;
using LeadKit.Scoring.Rules;
using LeadKit.Testing;

namespace LeadKit.Scoring.Tests.Model;

[Properties(Arbitrary = [typeof(Arbitraries)], MaxTest = 200)]
public class ScoringModelPropertyTests
{
    // Floating-point sums of decayed factors may differ in the last bits when the set of counted signals changes.
    private const double Tolerance = 1e-9;

    internal static readonly EngagementSignalKind[] Kinds =
    [
        EngagementSignalKind.PageView, EngagementSignalKind.PricingPageView, EngagementSignalKind.EmailClick,
        EngagementSignalKind.WebinarAttended, EngagementSignalKind.DemoRequested, EngagementSignalKind.ChatStarted,
    ];

    [Property]
    public bool Score_SameLeadTwice_IsDeterministic(Scenario scenario)
    {
        var model = scenario.Model.Build();
        var lead = scenario.Lead.Build();
        return model.Score(lead, LeadBuilder.Now) == model.Score(lead, LeadBuilder.Now)
            && scenario.Model.Build().Score(lead, LeadBuilder.Now) == model.Score(lead, LeadBuilder.Now);
    }

    [Property]
    public bool Score_CompiledModel_EqualsScoringFromTheTables(Scenario scenario)
    {
        var model = scenario.Model.Build();
        var lead = scenario.Lead.Build();
        var fromTables = model.Score(lead, LeadBuilder.Now);
        model.CompileNow();
        return model.HasCompiledRules == RuntimeFeature.IsDynamicCodeCompiled
            && model.HasCompiledSignalPoints == RuntimeFeature.IsDynamicCodeCompiled
            && model.Score(lead, LeadBuilder.Now) == model.ScoreFromTables(lead, LeadBuilder.Now)
            && model.Score(lead, LeadBuilder.Now) == fromTables;
    }

    [Property]
    public bool Score_AnyLead_RespectsEveryCapAndFloor(Scenario scenario)
    {
        var spec = scenario.Model;
        var card = spec.Build().Explain(scenario.Lead.Build(), LeadBuilder.Now);
        var groupOk = card.Groups.All(g => Within(g.Points, g.Limits));
        return groupOk
            && Within(card.Score.Fit, spec.FitLimits)
            && Within(card.Score.Engagement, spec.EngagementLimits)
            && Within(card.Score.Total, spec.TotalLimits);
    }

    [Property]
    public bool Explain_AnyLead_EqualsScore(Scenario scenario)
    {
        var model = scenario.Model.Build();
        var lead = scenario.Lead.Build();
        return model.Explain(lead, LeadBuilder.Now).Score == model.Score(lead, LeadBuilder.Now);
    }

    [Property]
    public Property Score_AddingAPositivePointSignal_NeverLowersTheScore(Scenario scenario, int kindPick, PositiveInt hoursAgo)
    {
        var model = scenario.Model.Build();
        var positive = Enumerable.Range(0, Kinds.Length).Where(k => scenario.Model.SignalPoints[k] > 0).ToArray();

        // Models without such a signal rule are discarded rather than counted as passes.
        return Prop.When(positive.Length > 0, () =>
        {
            var kind = Kinds[positive[Math.Abs(kindPick % positive.Length)]];
            var before = model.Score(scenario.Lead.Build(), LeadBuilder.Now);
            var after = model.Score(scenario.Lead.With(kind, hoursAgo.Get % 5000).Build(), LeadBuilder.Now);
            return after.Engagement >= before.Engagement - Tolerance && after.Total >= before.Total - Tolerance && after.Fit == before.Fit;
        });
    }

    [Property]
    public Property Score_AddingANegativePointSignal_NeverRaisesTheScore(Scenario scenario, int kindPick, PositiveInt hoursAgo)
    {
        var model = scenario.Model.Build();
        var negative = Enumerable.Range(0, Kinds.Length).Where(k => scenario.Model.SignalPoints[k] < 0).ToArray();

        // Models without such a signal rule are discarded rather than counted as passes.
        return Prop.When(negative.Length > 0, () =>
        {
            var kind = Kinds[negative[Math.Abs(kindPick % negative.Length)]];
            var before = model.Score(scenario.Lead.Build(), LeadBuilder.Now);
            var after = model.Score(scenario.Lead.With(kind, hoursAgo.Get % 5000).Build(), LeadBuilder.Now);
            return after.Engagement <= before.Engagement + Tolerance && after.Total <= before.Total + Tolerance;
        });
    }

    [Property]
    public bool Explain_AnyLead_GivesEachRuleThePointsItGivesAlone(Scenario scenario, PositiveInt inactivityDays)
    {
        // The model fuses signal rules, several rules on one kind and inactivity into one pass; each rule evaluated on
        // its own is the independent reference. Group decay is left out: a rule alone does not know its group.
        var spec = scenario.Model with { GroupDecay = DecayFunction.None };
        var rules = spec.Rules().Concat(
        [
            SalesRules.SignalCountAtLeast("often_" + Kinds[0], Kinds[0], 3, 7, windowDays: 20),
            new SignalRule("decayed_" + Kinds[0], Kinds[0], 2) { Decay = DecayFunction.HalfLife(TimeSpan.FromDays(9)), MaxOccurrences = 2 },
            SalesRules.Inactivity("inactive", (inactivityDays.Get % 200) + 1, -15),
        ]).ToArray();
        var builder = new ScoringModelBuilder();
        foreach (var rule in rules)
        {
            builder.AddRule(rule);
        }

        var lead = scenario.Lead.Build();
        var card = builder.Build().Explain(lead, LeadBuilder.Now);
        return rules.All(rule => card.Rules.SingleOrDefault(c => c.RuleName == rule.Name).Points == rule.Evaluate(lead, LeadBuilder.Now));
    }

    [Property(MaxTest = 50)]
    public bool ScoreParallel_ManyLeads_EqualsSequentialScoring(ModelSpec spec, PositiveInt seed)
    {
        var model = spec.Build();
        var leads = TestLeads.Generate(3000, seed.Get);
        var parallel = new LeadScore[leads.Length];
        model.ScoreParallel(leads, LeadBuilder.Now, parallel, 2);

        var threads = new LeadScore[leads.Length];
        Parallel.For(0, leads.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => threads[i] = model.Score(leads[i], LeadBuilder.Now));

        for (var i = 0; i < leads.Length; i++)
        {
            var sequential = model.Score(leads[i], LeadBuilder.Now);
            if (parallel[i] != sequential || threads[i] != sequential)
            {
                return false;
            }
        }

        return true;
    }

    private static bool Within(double value, ScoreLimits limits)
        => (limits.Floor is not { } floor || value >= floor) && (limits.Cap is not { } cap || value <= cap);

    /// <summary>The parameters of a generated model: signal points per kind, caps, floors, decay and frequency.</summary>
    public sealed record ModelSpec(
        int[] SignalPoints,
        int?[] MaxOccurrences,
        int?[] WindowDays,
        DecayFunction RuleDecay,
        DecayFunction GroupDecay,
        ScoreLimits GroupLimits,
        ScoreLimits FitLimits,
        ScoreLimits EngagementLimits,
        ScoreLimits TotalLimits)
    {
        public ScoringModel Build()
        {
            var builder = new ScoringModelBuilder()
                .AddGroup(new ScoringGroup("web", ScoreDimension.Engagement) { Limits = GroupLimits, Decay = GroupDecay })
                .AddGroup(new ScoringGroup("firmographics", ScoreDimension.Fit) { Limits = GroupLimits })
                .AddRule(SalesRules.Source("source", (LeadSource.Referral, 20), (LeadSource.PurchasedList, -10)), "firmographics")
                .AddRule(SalesRules.CompanySize("size", 15, 50, 5000), "firmographics")
                .AddRule(SalesRules.EmailDomain("email", 5, -5))
                .WithLimits(ScoreDimension.Fit, FitLimits)
                .WithLimits(ScoreDimension.Engagement, EngagementLimits)
                .WithTotalLimits(TotalLimits);
            var signalRules = SignalRules();
            for (var k = 0; k < signalRules.Length; k++)
            {
                builder.AddRule(signalRules[k], k < 3 ? "web" : null);
            }

            return builder.Build();
        }

        /// <summary>The model's rules, without groups: the source, size and e-mail rules, then one signal rule per kind.</summary>
        public IScoringRule[] Rules() =>
        [
            SalesRules.Source("source", (LeadSource.Referral, 20), (LeadSource.PurchasedList, -10)),
            SalesRules.CompanySize("size", 15, 50, 5000),
            SalesRules.EmailDomain("email", 5, -5),
            .. SignalRules(),
        ];

        private SignalRule[] SignalRules() => [.. Enumerable.Range(0, Kinds.Length).Select(k => new SignalRule("signal_" + k, Kinds[k], SignalPoints[k])
        {
            MaxOccurrences = MaxOccurrences[k],
            Window = WindowDays[k] is { } d ? TimeSpan.FromDays(d) : null,
            Decay = k % 2 == 0 ? RuleDecay : null,
        })];
    }

    /// <summary>A generated lead: source, size and signals (kind index, hours before now; negative = in the future).</summary>
    public sealed record LeadSpec(LeadSource Source, int Employees, ImmutableArray<(int Kind, int HoursAgo)> Signals)
    {
        public LeadSpec With(EngagementSignalKind kind, int hoursAgo)
            => this with { Signals = Signals.Add((Array.IndexOf(Kinds, kind), hoursAgo)) };

        public Lead Build() => new()
        {
            Id = new LeadId("prop"),
            CreatedAt = LeadBuilder.Now.AddDays(-400),
            Source = Source,
            Company = new CompanyInfo { EmployeeCount = Employees },
            Signals = [.. Signals.Select(s => new EngagementSignal(Kinds[s.Kind], LeadBuilder.Now.AddHours(-s.HoursAgo)))],
        };
    }

    public sealed record Scenario(ModelSpec Model, LeadSpec Lead);

    public static class Arbitraries
    {
        public static Arbitrary<ModelSpec> Models() => Arb.From(ModelGen);

        public static Arbitrary<LeadSpec> Leads() => Arb.From(LeadGen);

        public static Arbitrary<Scenario> Scenarios() => Arb.From(ModelGen.SelectMany(m => LeadGen.Select(l => new Scenario(m, l))));

        public static Gen<DecayFunction> Decays { get; } = Gen.OneOf(
            Gen.Constant(DecayFunction.None),
            Gen.Choose(1, 120).Select(d => DecayFunction.Linear(TimeSpan.FromDays(d))),
            Gen.Choose(1, 120).Select(d => DecayFunction.HalfLife(TimeSpan.FromDays(d))),
            Gen.Choose(1, 120).Select(d => DecayFunction.SlidingWindow(TimeSpan.FromDays(d))),
            Gen.Choose(1, 60).Select(d => DecayFunction.Step(new DecayStep(TimeSpan.FromDays(d), 0.5), new DecayStep(TimeSpan.FromDays(d * 2), 0.25))));

        private static Gen<ScoreLimits> LimitsGen { get; } = Gen.OneOf(
            Gen.Constant(ScoreLimits.None),
            Gen.Choose(0, 60).Select(c => new ScoreLimits(null, c)),
            Gen.Choose(-40, 0).SelectMany(f => Gen.Choose(0, 60).Select(c => new ScoreLimits(f, c))));

        private static Gen<int?> OptionalGen(int min, int max) => Gen.OneOf(Gen.Constant<int?>(null), Gen.Choose(min, max).Select(v => (int?)v));

        private static Gen<ModelSpec> ModelGen { get; } =
            from points in Gen.ArrayOf(Gen.Choose(-15, 15), Kinds.Length)
            from max in Gen.ArrayOf(OptionalGen(1, 5), Kinds.Length)
            from window in Gen.ArrayOf(OptionalGen(1, 120), Kinds.Length)
            from ruleDecay in Decays
            from groupDecay in Decays
            from groupLimits in LimitsGen
            from fit in LimitsGen
            from engagement in LimitsGen
            from total in LimitsGen
            select new ModelSpec(points, max, window, ruleDecay, groupDecay, groupLimits, fit, engagement, total);

        private static Gen<LeadSpec> LeadGen { get; } =
            from source in Gen.Elements(LeadSource.Referral, LeadSource.PurchasedList, LeadSource.WebsiteForm)
            from employees in Gen.Choose(0, 10_000)
            from signals in Gen.ListOf(Gen.Choose(0, Kinds.Length - 1).SelectMany(k => Gen.Choose(-48, 24 * 200).Select(h => (k, h))))
            select new LeadSpec(source, employees, [.. signals]);
    }
}
