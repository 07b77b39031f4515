using System.Text.Json;
using LeadKit.Abstractions.Engagement;
using LeadKit.Abstractions.Funnel;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Serialization;
using LeadKit.Abstractions.Sources;

namespace LeadKit.Abstractions.Tests.Vocabulary;

/// <summary>
/// Issue 17 D1: names read from untrusted input must not fill a process-wide table. Each test uses names of its own
/// (a GUID prefix), so it holds whatever other tests created before it.
/// </summary>
public sealed class VocabularyFloodTests
{
    [Fact]
    public void LeadJson_SeventyThousandDistinctSources_ThenANewNameStillWorks()
    {
        // The reproduction: 65,515 leads with distinct sources made every later new name throw.
        var prefix = "flood_" + Guid.NewGuid().ToString("N")[..8] + "_";
        for (var i = 0; i < 70_000; i++)
        {
            var lead = LeadKitJson.DeserializeLead(
                "{\"id\":\"L" + i + "\",\"createdAt\":\"2026-05-01T10:00:00+00:00\",\"source\":\"" + prefix + i + "\"}");
            Assert.Equal(prefix + i, lead.Source.Value);
        }

        var fresh = new LeadSource(prefix + "after");
        Assert.Equal(prefix + "after", fresh.Value);
        Assert.Equal(prefix + "after", new EngagementSignalKind(prefix + "after").Value);
    }

    [Fact]
    public void EveryVocabulary_SeventyThousandDistinctNames_NeverThrows()
    {
        var prefix = "many_" + Guid.NewGuid().ToString("N")[..8] + "_";
        for (var i = 0; i < 70_000; i++)
        {
            var name = prefix + i;
            Assert.Equal(name, new EngagementSignalKind(name).Value);
            Assert.Equal(name, new FunnelStage(name).Value);
            Assert.Equal(name, new FunnelTrigger(name).Value);
            Assert.Equal(name, new CustomFieldKey(name).Value);
        }
    }

    [Fact]
    public void JsonArrayOfSources_ManyNames_OnlyJsonExceptionForInvalidOnes()
    {
        var prefix = "arr_" + Guid.NewGuid().ToString("N")[..8] + "_";
        var names = Enumerable.Range(0, 70_000).Select(i => prefix + i).ToArray();
        var json = JsonSerializer.Serialize(names);
        var parsed = JsonSerializer.Deserialize<LeadSource[]>(json)!;
        Assert.Equal(names, parsed.Select(s => s.Value));

        var ex = Record.Exception(() => JsonSerializer.Deserialize<LeadSource[]>("[\"Not A Name\"]"));
        Assert.IsType<JsonException>(ex);
    }
}
