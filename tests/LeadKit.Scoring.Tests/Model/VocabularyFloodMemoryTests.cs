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

/// <summary>Measures the process's memory, so it runs alone (no other test allocating meanwhile).</summary>
[Collection(nameof(VocabularyFloodMemoryTests))]
[CollectionDefinition(nameof(VocabularyFloodMemoryTests), DisableParallelization = true)]
public sealed class VocabularyFloodMemoryTests
{
    private static string Fresh(string stem) => stem + "_" + Guid.NewGuid().ToString("N")[..12];

    [Fact]
    public void AfterOneMillionDistinctUntrustedNames_ANewValidRuleSetLoads_AndMemoryStaysBounded()
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var prefix = Fresh("flood") + "_";
        for (var i = 0; i < 1_000_000; i++)
        {
            var name = prefix + i.ToString(CultureInfo.InvariantCulture);
            Assert.True(LeadSource.TryParse(name, out _));
            Assert.True(EngagementSignalKind.TryParse(name, out _));
            Assert.True(FunnelStage.TryParse(name, out _));
            Assert.True(CustomFieldKey.TryParse(name, out _));
        }

        // Some through lead JSON as well, the path.
        for (var i = 0; i < 20_000; i++)
        {
            var lead = LeadKitJson.DeserializeLead(
                "{\"id\":\"l" + i + "\",\"createdAt\":\"2026-05-01T10:00:00+00:00\",\"source\":\"" + prefix + "json" + i + "\"," +
                "\"signals\":[{\"kind\":\"" + prefix + "k" + i + "\",\"occurredAt\":\"2026-05-02T10:00:00+00:00\"}]}");
            Assert.False(lead.Source.IsRegistered);
        }

        var retained = GC.GetTotalMemory(forceFullCollection: true) - before;

        // Four million names of about 25 characters would retain well over 200 MB in a process-wide table.
        Assert.True(retained < 16 * 1024 * 1024, $"retained {retained} bytes");

        var kind = Fresh("after_flood");
        var source = Fresh("after_flood_source");
        var ruleSet = ScoringRuleSet.Parse(VocabularyRegistrationTests.RuleSet([kind], [source]));
        var scored = ruleSet.Model.Score(LeadBuilder.New().From(new LeadSource(source)).Did(new EngagementSignalKind(kind)).Build(), LeadBuilder.Now);
        Assert.Equal(5, scored.Engagement, 9);
        Assert.Equal(20, scored.Fit, 9);
    }
}
