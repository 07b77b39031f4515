using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Scoring;
using LeadKit.Scoring.Explanations;
using LeadKit.Scoring.Model;
using LeadKit.Scoring.Rules;
using LeadKit.Scoring.RuleSets;
using LeadKit.Testing;

namespace LeadKit.Scoring.Tests.Rules;

/// <summary>
/// Every registered rule kind through every engine path: random models mixing rules of all kinds (inactivity and
/// multi-kind signal rules included) score and explain the same from the tables (<see cref="ScoringCompilationMode.Never"/>)
/// and from compiled code (<see cref="ScoringCompilationMode.Eager"/>), every rule's explained points equal its own
/// <see cref="IScoringRule.Evaluate"/> (the reference semantics), and their JSON round-trips.
/// </summary>
[Properties(Arbitrary = [typeof(Arbitraries)], MaxTest = 150)]
public sealed class RuleKindDifferentialTests
{
    private static readonly Lead[] Leads = TestLeads.Generate(64, seed: 11);

    [Fact]
    public void EveryRegisteredKind_HasARuleGenerator()
        => Assert.Equal(
            ScoringRuleKinds.Default.RuleKinds.Select(k => k.TypeName).Order(StringComparer.Ordinal),
            RuleKindGenerators.ByTypeName.Keys.Order(StringComparer.Ordinal));

    [Fact]
    public void EveryRegisteredDecayKind_IsProducedByTheDecayGenerator()
        => Assert.Equal(
            ScoringRuleKinds.Default.DecayKinds.Select(k => k.TypeName).Order(StringComparer.Ordinal),
            Tests.Model.ScoringModelPropertyTests.Arbitraries.Decays.Sample(1000).Select(d => d.Kind.TypeName).Distinct().Order(StringComparer.Ordinal));

    [Property]
    public bool TablesAndCompiledCode_ScoreAndExplainTheSame(RuleList rules)
    {
        var tables = Build(rules.Rules, ScoringCompilationMode.Never);
        var compiled = Build(rules.Rules, ScoringCompilationMode.Eager);
        foreach (var lead in Leads)
        {
            if (tables.Score(lead, LeadBuilder.Now) != compiled.Score(lead, LeadBuilder.Now)
                || compiled.ScoreFromTables(lead, LeadBuilder.Now) != compiled.Score(lead, LeadBuilder.Now)
                || !SameCard(tables.Explain(lead, LeadBuilder.Now), compiled.Explain(lead, LeadBuilder.Now)))
            {
                return false;
            }
        }

        return true;
    }

    [Property]
    public bool EveryPath_GivesEachRuleThePointsOfItsOwnEvaluate(RuleList rules)
    {
        // The model's group has no decay, so a signal rule's own Evaluate (its own decay only) is the reference.
        foreach (var model in new[] { Build(rules.Rules, ScoringCompilationMode.Never), Build(rules.Rules, ScoringCompilationMode.Eager) })
        {
            foreach (var lead in Leads)
            {
                var card = model.Explain(lead, LeadBuilder.Now);
                foreach (var rule in rules.Rules)
                {
                    var explained = card.Rules.Where(r => r.RuleName == rule.Name).Select(r => r.Points).DefaultIfEmpty(0).Single();
                    if (explained != rule.Evaluate(lead, LeadBuilder.Now))
                    {
                        return false;
                    }
                }
            }
        }

        return true;
    }

    [Property]
    public bool ToJson_OfRulesOfEveryKind_ParsesBackToTheSameRuleSet(RuleList rules)
    {
        var definition = new RuleSetDefinition
        {
            Name = "generated",
            Groups = [new ScoringGroup("web", ScoreDimension.Engagement) { Limits = new ScoreLimits(null, 40) }],
            Rules = [.. rules.Rules.Select((r, i) => (r, r.Dimension == ScoreDimension.Engagement && i % 2 == 0 ? "web" : (string?)null))],
        };
        var written = RuleSetWriter.Write(definition, ScoringRuleKinds.Default);
        var parsed = ScoringRuleSet.Parse(written);
        var model = definition.Build(ScoringRuleKinds.Default, TimeProvider.System);
        return parsed.ToJson() == written
            && Leads.All(l => parsed.Model.Score(l, LeadBuilder.Now) == model.Score(l, LeadBuilder.Now));
    }

    private static ScoringModel Build(ImmutableArray<IScoringRule> rules, ScoringCompilationMode mode)
    {
        var builder = new ScoringModelBuilder().WithCompilation(mode).AddGroup(new ScoringGroup("web", ScoreDimension.Engagement) { Limits = new ScoreLimits(-20, 40) });
        for (var i = 0; i < rules.Length; i++)
        {
            builder.AddRule(rules[i], rules[i].Dimension == ScoreDimension.Engagement && i % 2 == 0 ? "web" : null);
        }

        return builder.Build();
    }

    private static bool SameCard(ScoreCard a, ScoreCard b)
        => a.Score == b.Score && a.Rules.SequenceEqual(b.Rules) && a.Groups.SequenceEqual(b.Groups)
            && a.Fit == b.Fit && a.Engagement == b.Engagement && a.Total == b.Total;

    public sealed record RuleList(ImmutableArray<IScoringRule> Rules)
    {
        public override string ToString() => string.Join(", ", Rules.Select(r => r.GetType().Name + " " + r.Name));
    }

    public static class Arbitraries
    {
        public static Arbitrary<RuleList> Rules() => Arb.From(RuleKindGenerators.Rules.Select(r => new RuleList(r)));
    }
}
