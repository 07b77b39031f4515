using BenchmarkDotNet.Attributes;
using LeadKit.Abstractions.Engagement;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Serialization;
using LeadKit.Abstractions.Sources;

namespace LeadKit.Benchmarks.Serialization;

/// <summary>Round-trips a lead with 20 signals through the source-generated JSON metadata.</summary>
[MemoryDiagnoser]
public class LeadJsonBenchmarks
{
    private Lead _lead = null!;
    private string _json = null!;

    [GlobalSetup]
    public void Setup()
    {
        var at = new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
        _lead = new Lead
        {
            Id = new LeadId("bench-1"),
            CreatedAt = at.AddDays(-30),
            Source = LeadSource.Webinar,
            Signals = [.. Enumerable.Range(0, 20).Select(i => new EngagementSignal(EngagementSignalKind.PageView, at.AddHours(-i)))],
        };
        _json = LeadKitJson.Serialize(_lead);
    }

    [Benchmark]
    public string Serialize() => LeadKitJson.Serialize(_lead);

    [Benchmark]
    public Lead Deserialize() => LeadKitJson.DeserializeLead(_json);
}
