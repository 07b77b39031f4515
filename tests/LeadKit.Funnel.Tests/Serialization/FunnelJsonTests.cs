using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadKit.Abstractions.Funnel;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Funnel.Serialization;
using LeadKit.Funnel.State;
using LeadKit.Funnel.Tests.Support;
using static LeadKit.Funnel.Tests.Support.Funnels;

namespace LeadKit.Funnel.Tests.Serialization;

public sealed class FunnelJsonTests
{
    private static FunnelState Rejected()
    {
        var s = PlainGoverned.Start(new LeadId("lead-7"), T0);
        s = PlainGoverned.Fire(s, FunnelTrigger.Qualify, T0.AddHours(1)).State;
        s = PlainGoverned.Fire(s, FunnelTrigger.Qualify, T0.AddHours(2), new TransitionDetails(Actor: Manager, Reason: "vip", IsOverride: true)).State;
        return PlainGoverned.Fire(s, FunnelTrigger.Reject, T0.AddHours(3), new TransitionDetails(Actor: "sdr-1", Reason: "no budget")).State;
    }

    [Fact]
    public void Serialize_State_WritesCamelCaseMachineNamesAndOmitsAbsentValues()
    {
        var json = FunnelJson.Serialize(Rejected());

        Assert.Equal(
            """{"leadId":"lead-7","initialStage":"suspect","startedAt":"2026-06-01T12:00:00+00:00","stage":"nurture","version":3,"enteredAt":"2026-06-01T15:00:00+00:00","history":[{"from":"suspect","to":"lead","trigger":"qualify","occurredAt":"2026-06-01T13:00:00+00:00"},{"from":"lead","to":"mql","trigger":"qualify","occurredAt":"2026-06-01T14:00:00+00:00","actor":"manager","reason":"vip","isOverride":true},{"from":"mql","to":"nurture","trigger":"reject","occurredAt":"2026-06-01T15:00:00+00:00","actor":"sdr-1","reason":"no budget"}]}""",
            json);
    }

    [Fact]
    public void DeserializeState_WrittenState_RoundTripsToAnEqualState()
    {
        var state = Rejected();

        var read = FunnelJson.DeserializeState(FunnelJson.Serialize(state));

        Assert.Equal(state, read);
        Assert.True(read.History[1].IsOverride);
        Assert.True(Plain.Replay(read).IsValid);
    }

    [Fact]
    public void DeserializeHistory_WrittenHistory_RoundTripsEntryByEntry()
    {
        var history = Rejected().History;

        var read = FunnelJson.DeserializeHistory(FunnelJson.SerializeHistory(history));

        Assert.Equal(history.ToArray(), read.ToArray());
    }

    [Theory]
    [InlineData("""{"leadId":"a","initialStage":"suspect","startedAt":"2026-06-01T12:00:00+00:00","stage":"lead","version":1,"enteredAt":"2026-06-01T13:00:00+00:00","history":[{"from":"lead","to":"mql","trigger":"qualify","occurredAt":"2026-06-01T13:00:00+00:00"}]}""", "$.history[0].from")]
    [InlineData("""{"leadId":"a","initialStage":"suspect","startedAt":"2026-06-01T12:00:00+00:00","stage":"lead","version":2,"enteredAt":"2026-06-01T13:00:00+00:00","history":[{"from":"suspect","to":"lead","trigger":"qualify","occurredAt":"2026-06-01T13:00:00+00:00"}]}""", "$.stage")]
    [InlineData("""{"leadId":"a","initialStage":"suspect","startedAt":"2026-06-01T12:00:00+00:00","stage":"lead","version":1,"enteredAt":"2026-06-01T11:00:00+00:00","history":[{"from":"suspect","to":"lead","trigger":"qualify","occurredAt":"2026-06-01T11:00:00+00:00"}]}""", "$.history[0].occurredAt")]
    [InlineData("""{"leadId":"a","initialStage":"suspect","startedAt":"2026-06-01T12:00:00+00:00","stage":"lead","version":1,"enteredAt":"2026-06-01T13:00:00+00:00","history":[{"from":"suspect","to":"Lead!","trigger":"qualify","occurredAt":"2026-06-01T13:00:00+00:00"}]}""", "$.history[0]")]
    [InlineData("""{"leadId":"a","initialStage":"suspect","startedAt":"2026-06-01T12:00:00+00:00","stage":"suspect","version":0,"enteredAt":"2026-06-01T12:00:00+00:00","history":[],"extra":1}""", "extra")]
    [InlineData("""{"leadId":"a","initialStage":"suspect","startedAt":"2026-06-01T12:00:00+00:00","stage":"suspect","version":0,"enteredAt":"2026-06-01T12:00:00+00:00"}""", "history")]
    public void DeserializeState_InconsistentOrMalformedDocument_ThrowsJsonExceptionNamingThePath(string json, string path)
    {
        var error = Assert.Throws<JsonException>(() => FunnelJson.DeserializeState(json));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Property(Arbitrary = [typeof(FunnelDefinitionPropertyArbitraries)], MaxTest = 200)]
    public void DeserializeState_StateOfARandomSequence_RoundTrips(FunnelStep[] steps)
    {
        var runs = FunnelModel.Run(steps);
        var state = runs.Count == 0 ? Qualified.Start(FunnelModel.LeadId, T0) : runs[^1].Result.State;

        var read = FunnelJson.DeserializeState(FunnelJson.Serialize(state));

        Assert.Equal(state, read);
        Assert.Equal(state.History.ToArray(), FunnelJson.DeserializeHistory(FunnelJson.SerializeHistory(state.History)).ToArray());
    }

    /// <summary>Reuses the model-based step generator.</summary>
    public static class FunnelDefinitionPropertyArbitraries
    {
        public static Arbitrary<FunnelStep[]> Steps() => Definitions.FunnelDefinitionPropertyTests.Arbitraries.Steps();
    }
}
