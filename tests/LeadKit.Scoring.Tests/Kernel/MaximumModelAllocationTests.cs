using LeadKit.Abstractions.Engagement;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Scoring;
using LeadKit.Abstractions.Sources;
using LeadKit.Scoring.Decay;
using LeadKit.Scoring.Model;
using LeadKit.Scoring.Rules;
using LeadKit.Testing;

namespace LeadKit.Scoring.Tests.Kernel;

/// <summary>
/// "Score allocates nothing" for every model the builder accepts: models at <see cref="ScoringModelBuilder.MaximumRules"/>
/// rules and <see cref="ScoringModelBuilder.MaximumGroups"/> groups, from the tables and compiled, for leads with no
/// signals up to more than the stack holds. Runs in Debug and Release (the CI runs the tests in both).
/// </summary>
public sealed class MaximumModelAllocationTests
{
    private static readonly DateTimeOffset Now = LeadBuilder.Now;

    private static readonly EngagementSignalKind[] CustomKinds =
        [.. Enumerable.Range(0, ScoringModelBuilder.MaximumRules).Select(i => new EngagementSignalKind($"maximum_model_kind_{i}"))];

    public static TheoryData<string> Shapes => ["attributes_in_every_group", "signals_on_distinct_kinds", "signals_on_one_kind", "every_kind_mixed"];

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Score_ModelAtTheBuildersLimits_AllocatesNothing_FromTheTablesAndCompiled(string shape)
    {
        var model = Build(shape, ScoringCompilationMode.Never);
        Assert.Equal(ScoringModelBuilder.MaximumRules, model.RuleNames.Length);
        var leads = Leads(shape);

        AssertAllocatesNothing(model, leads);
        model.CompileNow();
        AssertAllocatesNothing(model, leads);
    }

    [Fact]
    public void Build_OneRuleOverTheLimit_IsRefused()
    {
        var builder = new ScoringModelBuilder();
        for (var i = 0; i <= ScoringModelBuilder.MaximumRules; i++)
        {
            builder.AddRule(SalesRules.CompanySize($"size_{i}", 1, i, i + 10));
        }

        Assert.ThrowsAny<Exception>(builder.Build);
    }

    private static void AssertAllocatesNothing(ScoringModel model, Lead[] leads)
    {
        var batch = new LeadScore[leads.Length];

        // Warm-up: tiered compilation and the pool's first buffers (rented once, returned after every score).
        for (var i = 0; i < 3; i++)
        {
            foreach (var lead in leads)
            {
                model.Score(lead, Now);
            }

            model.ScoreBatch(leads, Now, batch);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var sum = 0.0;
        foreach (var lead in leads)
        {
            sum += model.Score(lead, Now).Total;
        }

        model.ScoreBatch(leads, Now, batch);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.True(double.IsFinite(sum));
        for (var i = 0; i < leads.Length; i++)
        {
            Assert.Equal(model.Explain(leads[i], Now).Score, batch[i]);
        }
    }

    private static ScoringModel Build(string shape, ScoringCompilationMode mode)
    {
        var builder = new ScoringModelBuilder().WithName(shape).WithCompilation(mode);
        var rules = ScoringModelBuilder.MaximumRules;
        switch (shape)
        {
            case "attributes_in_every_group":
                for (var g = 0; g < ScoringModelBuilder.MaximumGroups; g++)
                {
                    builder.AddGroup(new ScoringGroup($"group_{g}", ScoreDimension.Fit) { Limits = new(-5, 5 + (g % 7)) });
                }

                for (var i = 0; i < rules; i++)
                {
                    builder.AddRule(SalesRules.CompanySize($"size_{i}", 1 + (i % 5), i % 100, 100 + (i * 7)), $"group_{i % ScoringModelBuilder.MaximumGroups}");
                }

                break;
            case "signals_on_distinct_kinds":
                for (var i = 0; i < rules; i++)
                {
                    builder.AddRule(new SignalRule($"signal_{i}", CustomKinds[i], 1 + (i % 3)) { MaxOccurrences = 1 + (i % 4), Decay = DecayOf(i) });
                }

                break;
            case "signals_on_one_kind":
                // One layer of the kind-to-code map per rule: the most scratch space a model can need.
                for (var i = 0; i < rules - 1; i++)
                {
                    builder.AddRule(new SignalRule($"views_{i}", EngagementSignalKind.PageView, 1) { MaxOccurrences = 1 + (i % 50), Decay = DecayOf(i) });
                }

                builder.AddRule(SalesRules.Inactivity("quiet", 30, -10));
                break;
            default:
                for (var g = 0; g < ScoringModelBuilder.MaximumGroups; g++)
                {
                    builder.AddGroup(new ScoringGroup($"group_{g}", g % 2 == 0 ? ScoreDimension.Fit : ScoreDimension.Engagement)
                    {
                        Limits = new(null, 20),
                        Decay = g % 4 == 1 ? DecayFunction.HalfLife(TimeSpan.FromDays(20)) : null,
                    });
                }

                for (var i = 0; i < rules; i++)
                {
                    var fitGroup = $"group_{2 * (i % 128)}";
                    var engagementGroup = $"group_{(2 * (i % 128)) + 1}";
                    switch (i % 8)
                    {
                        case 0:
                            builder.AddRule(SalesRules.Seniority($"rule_{i}", 3, Seniority.Director, Seniority.CLevel), fitGroup);
                            break;
                        case 1:
                            builder.AddRule(SalesRules.Source($"rule_{i}", (LeadSource.Referral, 2), (LeadSource.PurchasedList, -1)));
                            break;
                        case 2:
                            builder.AddRule(SalesRules.EmailDomain($"rule_{i}", 1, -1), fitGroup);
                            break;
                        case 3:
                            builder.AddRule(new SignalRule($"rule_{i}", [CustomKinds[i % 64], EngagementSignalKind.EmailClick], 1) { MaxOccurrences = 3, Decay = DecayOf(i) }, engagementGroup);
                            break;
                        case 4:
                            builder.AddRule(new SignalRule($"rule_{i}", EngagementSignalKind.PageView, 0.5) { MaxOccurrences = 1 + (i % 9), MinOccurrences = 1 + (i % 3) });
                            break;
                        case 5:
                            builder.AddRule(SalesRules.Inactivity($"rule_{i}", 1 + (i % 90), -1));
                            break;
                        case 6:
                            builder.AddRule(new FixedRule($"rule_{i}", i % 3));
                            break;
                        default:
                            builder.AddRule(SalesRules.Industry($"rule_{i}", 2, "software", "retail"));
                            break;
                    }
                }

                break;
        }

        return builder.Build();
    }

    private static DecayFunction? DecayOf(int i) => (i % 5) switch
    {
        0 => null,
        1 => DecayFunction.HalfLife(TimeSpan.FromDays(10 + (i % 30))),
        2 => DecayFunction.Linear(TimeSpan.FromDays(30 + (i % 60))),
        3 => DecayFunction.Step(new DecayStep(TimeSpan.FromDays(7), 0.5), new DecayStep(TimeSpan.FromDays(30), 0.1)),
        _ => DecayFunction.SlidingWindow(TimeSpan.FromDays(45)),
    };

    private static Lead[] Leads(string shape)
    {
        var random = new Random(shape.Length);
        EngagementSignalKind[] kinds = [EngagementSignalKind.PageView, EngagementSignalKind.EmailClick, .. CustomKinds[..64], CustomKinds[^1]];

        // No signals, a few, one chunk, and more than the stack holds (from the pool).
        return [.. new[] { 0, 3, 40, 200 }.Select(count =>
        {
            var lead = LeadBuilder.New().CreatedDaysAgo(300)
                .WithContact(email: count % 2 == 0 ? "a@gmail.com" : "a@firm.example", seniority: Seniority.Director)
                .AtCompany(employees: 120 + count, industry: "software");
            for (var s = 0; s < count; s++)
            {
                lead.Did(kinds[random.Next(kinds.Length)], daysAgo: (random.NextDouble() * 120) - 2);
            }

            return lead.Build() with { Source = count % 3 == 0 ? LeadSource.Referral : LeadSource.PurchasedList };
        })];
    }

    private sealed class FixedRule(string name, double points) : IScoringRule
    {
        public string Name => name;

        public ScoreDimension Dimension => ScoreDimension.Fit;

        public double Evaluate(Lead lead, DateTimeOffset asOf) => points;
    }
}
