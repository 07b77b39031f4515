using FsCheck.Xunit;
using LeadKit.Abstractions.Funnel;
using LeadKit.Abstractions.Funnel.Store;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Funnel.State;
using LeadKit.Funnel.Store;
using LeadKit.Funnel.Tests.Support;
using LeadKit.Testing.Stores;
using LeadKit.Funnel.Workflow;
using static LeadKit.Funnel.Tests.Support.Funnels;

namespace LeadKit.Funnel.Tests.Store;

/// <summary>
/// Model-based test of <see cref="InMemoryFunnelStore"/> behind a <see cref="FunnelWorkflow"/>: random command sequences
/// (add, fire with the current or a stale version, get, paged stage query, clock advance) run against the store and
/// against a deliberately simple model (a dictionary of stage, version and entry time per lead over the ring funnel).
/// </summary>
public sealed class InMemoryFunnelStoreModelTests
{
    private const int Leads = 4;

    private static readonly FunnelStage[] Stages = [.. RingFunnel.Stages, FunnelStage.Customer];

    [Property(MaxTest = 300)]
    public async Task RandomCommands_AgreeWithTheModel(int[] codes)
    {
        var time = new ManualTimeProvider(T0);
        var workflow = new FunnelWorkflow(RingFunnel.Create(), new InMemoryFunnelStore(), time);
        var model = new Dictionary<LeadId, (int Stage, long Version, DateTimeOffset EnteredAt)>();
        foreach (var raw in codes)
        {
            var code = (uint)raw;
            var lead = new LeadId($"lead-{code / 5 % Leads}");
            switch (code % 5)
            {
                case 0:
                    var added = await workflow.AddAsync(RingFunnel.Create().Start(lead, time.Now));
                    Assert.Equal(!model.ContainsKey(lead), added);
                    model.TryAdd(lead, (0, 0, time.Now));
                    break;
                case 1:
                    await FireAndCheck(workflow, model, lead, staleBy: code / 60 % 4 == 0 ? (int)(code / 20 % 3) - 1 : 0, win: code / 240 % 3 == 0, time.Now);
                    break;
                case 2:
                    var state = await workflow.GetAsync(lead);
                    Assert.Equal(model.TryGetValue(lead, out var expected), state is not null);
                    if (state is not null)
                    {
                        Assert.Equal((Stages[expected.Stage], expected.Version, expected.EnteredAt), (state.Stage, state.Version, state.EnteredAt));
                        Assert.Equal(state.Version, state.History.Length);
                    }

                    break;
                case 3:
                    await QueryAndCheck(workflow, model, Stages[(int)(code / 5 % 4)], TimeSpan.FromMinutes(code / 20 % 30), pageSize: (int)(code / 600 % 3) + 1, time.Now);
                    break;
                default:
                    time.Now = time.Now.AddMinutes(code / 5 % 20);
                    break;
            }
        }
    }

    private static async Task FireAndCheck(FunnelWorkflow workflow, Dictionary<LeadId, (int Stage, long Version, DateTimeOffset EnteredAt)> model, LeadId lead, int staleBy, bool win, DateTimeOffset now)
    {
        var trigger = win ? FunnelTrigger.Win : RingFunnel.Next;
        if (!model.TryGetValue(lead, out var before))
        {
            await Assert.ThrowsAsync<KeyNotFoundException>(async () => await workflow.FireAsync(lead, 0, trigger));
            return;
        }

        var result = await workflow.FireAsync(lead, before.Version + staleBy, trigger);
        var next = before.Stage switch
        {
            3 => (int?)null,
            2 when win => 3,
            _ when win => null,
            var s => (s + 1) % 3,
        };
        var expected = staleBy != 0 ? FireOutcome.Conflict : next is null ? FireOutcome.Invalid : FireOutcome.Accepted;
        Assert.Equal(expected, result.Outcome);
        if (expected == FireOutcome.Accepted)
        {
            model[lead] = (next!.Value, before.Version + 1, now);
        }

        var after = model[lead];
        Assert.Equal((Stages[after.Stage], after.Version), (result.State.Stage, result.State.Version));
    }

    private static async Task QueryAndCheck(FunnelWorkflow workflow, Dictionary<LeadId, (int Stage, long Version, DateTimeOffset EnteredAt)> model, FunnelStage stage, TimeSpan longerThan, int pageSize, DateTimeOffset now)
    {
        var found = new List<LeadId>();
        FunnelPageKey? after = null;
        do
        {
            var page = await workflow.FindInStageLongerThanAsync(stage, longerThan, now, after, pageSize);
            Assert.True(page.Items.Length <= pageSize);
            Assert.True(page.Next is null || page.Items.Length == pageSize);
            found.AddRange(page.Items.Select(s => s.LeadId));
            after = page.Next;
        }
        while (after is not null);

        var expected = model
            .Where(pair => Stages[pair.Value.Stage] == stage && now - pair.Value.EnteredAt > longerThan)
            .OrderBy(pair => pair.Value.EnteredAt)
            .ThenBy(pair => pair.Key.Value, StringComparer.Ordinal)
            .Select(pair => pair.Key);
        Assert.Equal(expected, found);
    }
}
