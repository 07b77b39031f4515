using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadKit.Abstractions.Engagement;
using LeadKit.Abstractions.Funnel;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Scoring;
using LeadKit.Abstractions.Serialization;
using LeadKit.Abstractions.Sources;
using LeadKit.Scoring.Decay;
using LeadKit.Scoring.Model;
using LeadKit.Scoring.RuleSets;
using LeadKit.Scoring.Rules;
using LeadKit.Testing;

namespace LeadKit.Scoring.Tests.Model;

/// <summary>
/// Issue 17 D1 in scoring: a model registers its kinds and sources only when it is built, and scores a lead the same
/// whether the lead's values were created before or after that, and whether the model numbers its kinds by process-wide
/// ordinal or by its own numbers (the path of a full registry).
/// </summary>
public sealed class VocabularyRegistrationTests
{
    private static readonly DateTimeOffset Now = LeadBuilder.Now;

    private static string Fresh(string stem) => stem + "_" + Guid.NewGuid().ToString("N")[..12];

    [Fact]
    public void RejectedBigRuleSet_LeavesNoNamesBehind()
    {
        var kinds = Enumerable.Range(0, 4000).Select(i => Fresh("rk" + i)).ToArray();
        var sources = Enumerable.Range(0, 4000).Select(i => Fresh("rs" + i)).ToArray();
        var json = new StringBuilder("""{"version":1,"name":"big","rules":[""");
        json.Append("""{"name":"many_kinds","type":"signal","signals":[""").AppendJoin(',', kinds.Select(k => $"\"{k}\"")).Append("""],"points":1},""");
        json.Append("""{"name":"many_sources","type":"source","sources":{""").AppendJoin(',', sources.Select(s => $"\"{s}\":1")).Append("}},");
        json.Append("""{"name":"broken","type":"signal","signals":["page_view"],"points":1,"maxOccurrences":-3}]}""");

        Assert.False(ScoringRuleSet.TryParse(json.ToString(), null, out _, out var problems));
        Assert.NotEmpty(problems);

        Assert.All(kinds, k => Assert.False(new EngagementSignalKind(k).IsRegistered));
        Assert.All(sources, s => Assert.False(new LeadSource(s).IsRegistered));
    }

    [Fact]
    public void AcceptedRuleSet_RegistersItsNamesWhenBuilt()
    {
        var kind = Fresh("ok_kind");
        var source = Fresh("ok_source");
        var early = new EngagementSignalKind(kind);

        var ruleSet = ScoringRuleSet.Parse(RuleSet([kind], [source]));

        Assert.True(new EngagementSignalKind(kind).IsRegistered);
        Assert.True(new LeadSource(source).IsRegistered);
        Assert.True(early.IsRegistered);
        Assert.Equal(5, ruleSet.Model.Score(LeadBuilder.New().Did(early, daysAgo: 1).Build(), Now).Engagement, 9);
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 60)]
    public bool Scores_AreTheSame_ForLeadsCreatedBeforeAndAfterTheModelRegisteredTheirNames(LeadSpec[] specs)
    {
        var kinds = Enumerable.Range(0, 4).Select(i => Fresh("pk" + i)).ToArray();
        var sources = Enumerable.Range(0, 3).Select(i => Fresh("ps" + i)).ToArray();
        var early = specs.Select(s => s.Build(kinds, sources)).ToArray();

        // The same model three ways: from JSON (ordinals), in code (ordinals), in code numbering its own kinds.
        var fromJson = ScoringRuleSet.Parse(RuleSet(kinds[..3], sources[..2])).Model;
        var ordinal = Model(kinds[..3], sources[..2], local: false);
        var local = Model(kinds[..3], sources[..2], local: true);
        var late = specs.Select(s => s.Build(kinds, sources)).ToArray();

        foreach (var model in new[] { fromJson, ordinal, local })
        {
            for (var pass = 0; pass < 2; pass++)
            {
                for (var i = 0; i < specs.Length; i++)
                {
                    var (a, b) = (model.Score(early[i], Now), model.Score(late[i], Now));
                    var reference = fromJson.Score(late[i], Now);
                    if (a.Total != b.Total || a.Fit != b.Fit || a.Engagement != b.Engagement || a.Total != reference.Total)
                    {
                        return false;
                    }

                    var (ea, eb) = (model.Explain(early[i], Now), model.Explain(late[i], Now));
                    if (!ea.Rules.Select(r => r.Points).SequenceEqual(eb.Rules.Select(r => r.Points)))
                    {
                        return false;
                    }
                }

                // The second pass runs the compiled code.
                model.CompileNow();
            }
        }

        return true;
    }

    [Fact]
    public void LocalKindNumbers_ScoreLikeOrdinals_WithUnknownAndBuiltInKindsMixedIn()
    {
        var kinds = Enumerable.Range(0, 3).Select(i => Fresh("lk" + i)).ToArray();
        var sources = new[] { Fresh("ls0") };
        var ordinal = Model(kinds, sources, local: false);
        var local = Model(kinds, sources, local: true);
        var lead = LeadBuilder.New()
            .From(new LeadSource(sources[0]))
            .DidTimes(new EngagementSignalKind(kinds[0]), 4, daysAgo: 2)
            .Did(new EngagementSignalKind(kinds[2]), daysAgo: 40)
            .Did(new EngagementSignalKind(Fresh("unknown")), daysAgo: 1)
            .Did(EngagementSignalKind.PageView, daysAgo: 1)
            .Build();

        var expected = ordinal.Score(lead, Now);
        Assert.Equal(expected, local.Score(lead, Now));
        local.CompileNow();
        Assert.Equal(expected, local.Score(lead, Now));
        Assert.Equal(20 + (3 * Math.Pow(2, -1.0 / 30)) + 7, expected.Engagement, 9);
    }


    internal static string RuleSet(string[] kinds, string[] sources)
    {
        var json = new StringBuilder("""{"version":1,"name":"vocab","groups":[{"name":"web","dimension":"engagement","cap":40,"decay":{"type":"exponential","halfLifeDays":30}}],"rules":[""");
        json.Append(CultureInfo.InvariantCulture, $$"""{"name":"first","type":"signal","signals":["{{kinds[0]}}"],"points":5,"maxOccurrences":4}""");
        if (kinds.Length > 1)
        {
            json.Append(CultureInfo.InvariantCulture, $$""",{"name":"second","type":"signal","group":"web","signals":["{{kinds[1]}}","page_view"],"points":3,"windowDays":30}""");
            json.Append(CultureInfo.InvariantCulture, $$""",{"name":"third","type":"signal","signals":["{{kinds[2]}}","{{kinds[0]}}"],"points":7,"minOccurrences":1,"maxOccurrences":1}""");
        }

        json.Append(""",{"name":"source","type":"source","sources":{""");
        json.AppendJoin(',', sources.Select((s, i) => $"\"{s}\":{20 - (30 * i)}"));
        json.Append("}}]}");
        return json.ToString();
    }

    private static ScoringModel Model(string[] kinds, string[] sources, bool local)
    {
        var builder = new ScoringModelBuilder()
            .WithName("vocab")
            .AddGroup(new ScoringGroup("web", ScoreDimension.Engagement) { Limits = new ScoreLimits(null, 40), Decay = DecayFunction.HalfLife(TimeSpan.FromDays(30)) })
            .AddRule(new SignalRule("first", new EngagementSignalKind(kinds[0]), 5) { MaxOccurrences = 4 });
        if (kinds.Length > 1)
        {
            builder
                .AddRule(new SignalRule("second", [new EngagementSignalKind(kinds[1]), EngagementSignalKind.PageView], 3) { Window = TimeSpan.FromDays(30) }, "web")
                .AddRule(new SignalRule("third", [new EngagementSignalKind(kinds[2]), new EngagementSignalKind(kinds[0])], 7) { MinOccurrences = 1, MaxOccurrences = 1 });
        }

        builder.AddRule(new LeadSourceRule("source", sources.Select((s, i) => KeyValuePair.Create(new LeadSource(s), 20.0 - (30 * i)))));
        builder.UseLocalKindNumbers = local;
        return builder.Build();
    }

    public sealed record LeadSpec(int Source, (int Kind, int HoursAgo)[] Signals)
    {
        public Lead Build(string[] kinds, string[] sources)
        {
            var builder = LeadBuilder.New("spec").CreatedAt(Now.AddDays(-200)).From(Source < sources.Length ? new LeadSource(sources[Source]) : LeadSource.Referral);
            foreach (var (kind, hoursAgo) in Signals)
            {
                builder.Did(kind < kinds.Length ? new EngagementSignalKind(kinds[kind]) : EngagementSignalKind.PageView, daysAgo: hoursAgo / 24.0);
            }

            return builder.Build();
        }
    }

    public static class Arbitraries
    {
        public static Arbitrary<LeadSpec> LeadSpec() =>
            (from source in Gen.Choose(0, 3)
             from signals in (from kind in Gen.Choose(0, 4) from hours in Gen.Choose(-24, 24 * 90) select (kind, hours)).ArrayOf()
             select new LeadSpec(source, signals)).ToArbitrary();
    }
}
