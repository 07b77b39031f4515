using System.Globalization;
using LeadKit.Abstractions.Funnel;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Funnel.State;
using LeadKit.Abstractions.Funnel.Store;
using LeadKit.Funnel.Store;
using LeadKit.Funnel.Workflow;
using LeadKit.Testing;
using Microsoft.Extensions.Time.Testing;
using static LeadKit.Funnel.Tests.Support.Funnels;

namespace LeadKit.Funnel.Tests.Store;

/// <summary>Runs the real Olist marketing funnel (8,000 MQLs, 842 won deals) through the default funnel and the store.</summary>
public sealed class InMemoryFunnelStoreOlistTests
{
    private const string EdgeCaseDeal = "b91cf8812365f50ff4bda4bcd6206b05";

    [SkippableFact]
    public async Task Olist_MqlsAndWonDeals_BecomeCustomersExceptTheDealWonBeforeFirstContact()
    {
        var folder = Datasets.Require("olist-marketing-funnel");
        var states = new Dictionary<string, FunnelState>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Path.Combine(folder, "olist_marketing_qualified_leads_dataset.csv")).Skip(1))
        {
            var columns = line.Split(',');
            var firstContact = DateTimeOffset.ParseExact(columns[1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
            states.Add(columns[0], Plain.Start(new LeadId(columns[0]), firstContact, FunnelStage.Mql));
        }

        var rejected = new List<string>();
        foreach (var line in File.ReadLines(Path.Combine(folder, "olist_closed_deals_dataset.csv")).Skip(1))
        {
            var columns = line.Split(',', 6);
            var won = DateTimeOffset.ParseExact(columns[4], "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
            var state = states[columns[0]];
            if (won < state.EnteredAt)
            {
                // A deal dated before the lead's first contact: the funnel must refuse to date a transition backward.
                Assert.Throws<ArgumentOutOfRangeException>(() => Plain.Fire(state, FunnelTrigger.Accept, won));
                rejected.Add(columns[0]);
                continue;
            }

            foreach (var trigger in new[] { FunnelTrigger.Accept, FunnelTrigger.Qualify, FunnelTrigger.Convert, FunnelTrigger.Win })
            {
                var result = Plain.Fire(state, trigger, won, new TransitionDetails(Actor: columns[3]));
                Assert.True(result.IsAccepted, result.ToString());
                state = result.State;
            }

            states[columns[0]] = state;
        }

        var store = new InMemoryFunnelStore();
        var workflow = new FunnelWorkflow(Plain, store, new FakeTimeProvider(T0));
        foreach (var state in states.Values)
        {
            Assert.True(await workflow.AddAsync(state, CancellationToken.None));
        }

        var customers = states.Values.Count(s => s.Stage == FunnelStage.Customer);
        var breaches = new List<FunnelState>();
        FunnelPageKey? after = null;
        do
        {
            var page = await workflow.FindSlaBreachesAsync(FunnelStage.Mql, new DateTimeOffset(2018, 6, 3, 0, 0, 0, TimeSpan.Zero), after, FunnelStageQuery.MaximumPageSize, CancellationToken.None);
            breaches.AddRange(page.Items);
            after = page.Next;
        }
        while (after is not null);

        Assert.Equal(8_000, store.Count);
        Assert.Equal([EdgeCaseDeal], rejected);
        Assert.Equal(841, customers);
        Assert.Equal(8_000 - 841, breaches.Count);
        Assert.All(breaches, s => Assert.Equal(FunnelStage.Mql, s.Stage));
        Assert.Equal(new DateTimeOffset(2017, 6, 14, 0, 0, 0, TimeSpan.Zero), breaches[0].EnteredAt);
    }
}
