using System.Reflection;
using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadKit.Abstractions.Common;
using LeadKit.Abstractions.Engagement;
using LeadKit.Abstractions.Funnel;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Serialization;
using LeadKit.Abstractions.Sources;

namespace LeadKit.Abstractions.Tests.Vocabulary;

/// <summary>Measures the process's memory, so it runs alone (no other test allocating meanwhile).</summary>
[Collection(nameof(VocabularyMemoryTests))]
[CollectionDefinition(nameof(VocabularyMemoryTests), DisableParallelization = true)]
public sealed class VocabularyMemoryTests
{
    private static string Fresh(string stem) => stem + "_" + Guid.NewGuid().ToString("N")[..12];

    [Fact]
    public void OneMillionUntrustedNames_RegisterNothing_AndRetainNoMemory()
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var prefix = Fresh("million") + "_";
        for (var i = 0; i < 1_000_000; i++)
        {
            var name = prefix + i;
            Assert.True(LeadSource.TryParse(name, out _));
            _ = new EngagementSignalKind(name);
            _ = new FunnelStage(name);
            _ = new CustomFieldKey(name);
        }

        var retained = GC.GetTotalMemory(forceFullCollection: true) - before;

        // The names alone are about 4 x 1,000,000 x 70 bytes; a table that kept them would exceed this by far.
        Assert.True(retained < 16 * 1024 * 1024, $"retained {retained} bytes");

        // Other tests register names in parallel, so the counts may move; none of these names is registered.
        for (var i = 0; i < 1_000_000; i += 9_973)
        {
            var name = prefix + i;
            Assert.False(new LeadSource(name).IsRegistered || new EngagementSignalKind(name).IsRegistered || new FunnelStage(name).IsRegistered || new CustomFieldKey(name).IsRegistered);
        }
    }
}
