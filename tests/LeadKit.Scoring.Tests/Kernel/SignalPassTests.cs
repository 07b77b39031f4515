using LeadKit.Abstractions.Engagement;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Scoring;
using LeadKit.Scoring.Decay;
using LeadKit.Scoring.Explanations;
using LeadKit.Scoring.Model;
using LeadKit.Scoring.Rules;
using LeadKit.Testing;

namespace LeadKit.Scoring.Tests.Kernel;

/// <summary>
/// The model's signal pass against each rule evaluated on its own, on the cases its fast path treats apart: many
/// signals (scratch space from the pool), kinds counted by several rules (layers of the kind-to-plan map), most-recent
/// limits with every decay, and signal kinds created after the built-in ones.
/// </summary>
public class SignalPassTests
{
    private static readonly DateTimeOffset Now = LeadBuilder.Now;

    private static readonly EngagementSignalKind[] Kinds =
    [
        EngagementSignalKind.PageView, EngagementSignalKind.EmailOpen, EngagementSignalKind.EmailClick, EngagementSignalKind.DemoRequested,
        EngagementSignalKind.ChatStarted, EngagementSignalKind.WebinarAttended, EngagementSignalKind.FormSubmit,
    ];

    // A rule finds its signals 32 at a time (32 and 33 signals are one and two chunks); up to 128 signals the scratch
    // space is on the stack, from 129 it comes from the pool.
    public static TheoryData<int> SignalCounts => [0, 1, 20, 32, 33, 128, 129, 300];

    [Theory]
    [MemberData(nameof(SignalCounts))]
    public void Explain_AnyNumberOfSignals_GivesEachRuleThePointsItGivesAlone(int signals)
    {
        var random = new Random(signals + 11);
        var lead = LeadBuilder.New().CreatedDaysAgo(400);
        for (var i = 0; i < signals; i++)
        {
            // Some signals are after the moment (negative days ago): no rule counts them.
            lead.Did(Kinds[random.Next(Kinds.Length)], daysAgo: (random.NextDouble() * 200) - 5);
        }

        AssertEachRuleAsAlone(EveryDecay(), lead.Build());
    }

    [Fact]
    public void Explain_KindsCreatedAfterTheBuiltInOnes_AreCountedOrSkippedLikeAnyOther()
    {
        // Ordinals beyond the table every model keeps for the built-in kinds.
        var custom = Enumerable.Range(0, 80).Select(i => new EngagementSignalKind($"signal_pass_custom_{i}")).ToArray();
        IScoringRule[] rules =
        [
            new SignalRule("last_custom", custom[^1], 3) { MaxOccurrences = 2, Decay = DecayFunction.HalfLife(TimeSpan.FromDays(10)) },
            new SignalRule("first_custom", custom[0], 1),
            new SignalRule("page_views", EngagementSignalKind.PageView, 1) { MaxOccurrences = 4 },
        ];
        var lead = LeadBuilder.New()
            .DidTimes(custom[^1], 3, daysAgo: 2).Did(custom[^1], daysAgo: 30)
            .Did(custom[40], daysAgo: 1).Did(custom[0], daysAgo: 3).DidTimes(EngagementSignalKind.PageView, 6, daysAgo: 4)
            .Build();

        var card = AssertEachRuleAsAlone(rules, lead);
        Assert.Equal(4, card.Rules.Single(r => r.RuleName == "last_custom").Occurrences);
    }

    [Fact]
    public void Score_OneKindCountedByThreeRules_EachCountsEverySignalOfIt()
    {
        IScoringRule[] rules =
        [
            new SignalRule("clicks", EngagementSignalKind.EmailClick, 2),
            new SignalRule("recent_clicks", EngagementSignalKind.EmailClick, 5) { MaxOccurrences = 1, Decay = DecayFunction.Linear(TimeSpan.FromDays(10)) },
            SalesRules.SignalCountAtLeast("many_clicks", EngagementSignalKind.EmailClick, 3, 10),
        ];
        var lead = LeadBuilder.New().Did(EngagementSignalKind.EmailClick, daysAgo: 5).Did(EngagementSignalKind.EmailClick, daysAgo: 1).Did(EngagementSignalKind.EmailClick, daysAgo: 8).Build();

        var card = AssertEachRuleAsAlone(rules, lead);

        // 3 clicks x 2, the most recent one decayed to 0.9 x 5, and the bonus for three.
        Assert.Equal(6 + 4.5 + 10, card.Score.Engagement, 9);
    }

    [Fact]
    public void Explain_MoreThan255SignalRules_GivesEachRuleThePointsItGivesAlone()
    {
        // A layer of the kind-to-code map holds at most 255 rules (a signal's code is one byte), so 300 rules on 300
        // kinds take two layers; every rule must still count exactly its own signals.
        var kinds = Enumerable.Range(0, 300).Select(i => new EngagementSignalKind($"signal_pass_many_{i}")).ToArray();
        var rules = kinds.Select((kind, i) => (IScoringRule)new SignalRule($"rule_{i}", kind, 1 + (i % 7))
        {
            MaxOccurrences = 2,
            Decay = (i % 3) switch { 0 => DecayFunction.None, 1 => DecayFunction.HalfLife(TimeSpan.FromDays(10 + i)), _ => DecayFunction.Linear(TimeSpan.FromDays(30 + i)) },
        }).ToArray();
        var random = new Random(255);
        var lead = LeadBuilder.New().CreatedDaysAgo(400);
        for (var i = 0; i < 200; i++)
        {
            lead.Did(kinds[random.Next(kinds.Length)], daysAgo: random.NextDouble() * 60);
        }

        // Three signals of the last rule's kind: it counts its two most recent ones.
        lead.Did(kinds[^1], daysAgo: 1).Did(kinds[^1], daysAgo: 2).Did(kinds[^1], daysAgo: 3);

        var card = AssertEachRuleAsAlone(rules, lead.Build());
        Assert.True(card.Rules.Single(r => r.RuleName == "rule_299").Occurrences >= 3);
    }

    [Fact]
    public void Explain_ManySignalsOfAKindCountedByThreeRules_EachCountsEverySignalOfIt()
    {
        // Three layers of 160 codes each: more scratch space than the stack holds.
        IScoringRule[] rules =
        [
            new SignalRule("clicks", EngagementSignalKind.EmailClick, 2) { MaxOccurrences = 1000 },
            new SignalRule("recent_clicks", EngagementSignalKind.EmailClick, 5) { MaxOccurrences = 3, Decay = DecayFunction.HalfLife(TimeSpan.FromDays(10)) },
            new SignalRule("clicks_in_a_week", EngagementSignalKind.EmailClick, 1) { MaxOccurrences = 1000, Window = TimeSpan.FromDays(7), Decay = DecayFunction.Linear(TimeSpan.FromDays(7)) },
        ];
        var lead = LeadBuilder.New();
        for (var i = 0; i < 150; i++)
        {
            lead.Did(i % 2 == 0 ? EngagementSignalKind.EmailClick : EngagementSignalKind.PageView, daysAgo: (i * 0.1) + 0.05);
        }

        var card = AssertEachRuleAsAlone(rules, lead.Build());
        Assert.Equal(75, card.Rules.Single(r => r.RuleName == "clicks").Occurrences);
        Assert.Equal(35, card.Rules.Single(r => r.RuleName == "clicks_in_a_week").Occurrences);
    }

    [Theory]
    [InlineData(5, 0)]
    [InlineData(40, -15)]
    public void Score_OnlyAnInactivityRule_ReadsTheYoungestSignal(double daysSinceLastSignal, double expectedPoints)
    {
        // No signal rule at all: the signal pass must still find the youngest signal (one after the moment is ignored).
        IScoringRule[] rules = [SalesRules.Inactivity("quiet", 20, -15)];
        var lead = LeadBuilder.New().CreatedDaysAgo(400)
            .Did(EngagementSignalKind.PageView, daysAgo: 90).Did(EngagementSignalKind.EmailOpen, daysAgo: daysSinceLastSignal)
            .Did(EngagementSignalKind.ChatStarted, daysAgo: -3)
            .Build();

        var card = AssertEachRuleAsAlone(rules, lead);

        Assert.Equal(expectedPoints, card.Score.Engagement);
    }

    private static IScoringRule[] EveryDecay() =>
    [
        new SignalRule("views", EngagementSignalKind.PageView, 1) { MaxOccurrences = 10, Window = TimeSpan.FromDays(30) },
        new SignalRule("views_half_life", EngagementSignalKind.PageView, 2) { MaxOccurrences = 3, Decay = DecayFunction.HalfLife(TimeSpan.FromDays(20)) },
        new SignalRule("opens_linear", EngagementSignalKind.EmailOpen, 0.5) { MaxOccurrences = 4, Decay = DecayFunction.Linear(TimeSpan.FromDays(90)) },
        new SignalRule("clicks_linear_one", EngagementSignalKind.EmailClick, 3) { MaxOccurrences = 1, Decay = DecayFunction.Linear(TimeSpan.FromDays(60)) },
        new SignalRule("demo_steps", EngagementSignalKind.DemoRequested, 25) { MaxOccurrences = 2, Decay = DecayFunction.Step(new DecayStep(TimeSpan.FromDays(30), 0.5), new DecayStep(TimeSpan.FromDays(90), 0.2)) },
        new SignalRule("chat_window", EngagementSignalKind.ChatStarted, 5) { MaxOccurrences = 2, Decay = DecayFunction.SlidingWindow(TimeSpan.FromDays(45)) },
        new SignalRule("webinar_bonus", EngagementSignalKind.WebinarAttended, 10) { MinOccurrences = 3, MaxOccurrences = 1, Decay = DecayFunction.HalfLife(TimeSpan.FromDays(60)) },
        SalesRules.Inactivity("quiet", 20, -15),
    ];

    private static ScoreCard AssertEachRuleAsAlone(IScoringRule[] rules, Lead lead)
    {
        var builder = new ScoringModelBuilder();
        foreach (var rule in rules)
        {
            builder.AddRule(rule);
        }

        var model = builder.Build();
        var fromTables = model.Score(lead, Now);
        model.CompileNow();
        var card = model.Explain(lead, Now);
        foreach (var rule in rules)
        {
            Assert.Equal(rule.Evaluate(lead, Now), card.Rules.SingleOrDefault(c => c.RuleName == rule.Name).Points);
        }

        Assert.Equal(card.Score, model.Score(lead, Now));

        // The compiled signal points against the table-driven ones.
        Assert.Equal(fromTables, model.Score(lead, Now));
        Assert.Equal(model.ScoreFromTables(lead, Now), model.Score(lead, Now));
        return card;
    }

    [Fact]
    public void Score_ManyLeads_CompilesTheModelInTheBackground_WithTheSameScores()
    {
        var model = new ScoringModelBuilder().AddRule(EveryDecay()[1]).AddRule(EveryDecay()[2]).AddRule(SalesRules.DoNotContact(-50)).Build();
        var random = new Random(7);
        var leads = Enumerable.Range(0, 64).Select(_ =>
        {
            var lead = LeadBuilder.New().CreatedDaysAgo(400);
            for (var i = 0; i < 20; i++)
            {
                lead.Did(Kinds[random.Next(Kinds.Length)], daysAgo: random.NextDouble() * 100);
            }

            return lead.Build();
        }).ToArray();
        var before = leads.Select(lead => model.Score(lead, Now)).ToArray();
        Assert.False(model.HasCompiledSignalPoints);
        Assert.False(model.HasCompiledRules);

        // Scored from all threads at once, as a batch would be, past the count that starts the compilation.
        Parallel.For(0, ScoringModel.ScoresBeforeCompiling, i => Assert.Equal(before[i % leads.Length], model.Score(leads[i % leads.Length], Now)));

        Assert.True(SpinWait.SpinUntil(() => model.HasCompiledSignalPoints, TimeSpan.FromSeconds(30)), "The model was not compiled within 30 s.");
        Assert.True(model.HasCompiledRules);
        Assert.Equal(before, leads.Select(lead => model.Score(lead, Now)));
    }
}
