using LeadKit.Abstractions.Identifiers;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Sources;
using LeadKit.Abstractions.Routing;
using LeadKit.EntityFrameworkCore.Outbox;
using LeadKit.Funnel.Workflow;
using LeadKit.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LeadKit.Docs.Tests.Snippets;

#region storage-context
public sealed class AppDbContext(DbContextOptions<AppDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.AddLeadKit();   // or .AddLeadKit(o => { o.Schema = "sales"; o.TablePrefix = "lk_"; })
    }
}
#endregion

/// <summary>The code of docs/storage.md and the LeadKit.EntityFrameworkCore README, run on a SQLite file.</summary>
public sealed class StorageSnippets : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"leadkit-doc-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_path);
    }

    [Fact]
    public async Task Registration_FunnelAndRoutingStoreTheirStateInTheApplicationsDatabase()
    {
        var services = new ServiceCollection();
        var connectionString = $"Data Source={_path}";
        services.AddLeadKitRouting(o => o.ConfigurePlan = plan => plan
            .AddRep(new() { Id = new SalesRepId("ana"), Name = "Ana" })
            .AddTeam(new SalesTeamId("inbound"), [new SalesRepId("ana")])
            .AddTeamStep(new SalesTeamId("inbound"), RepSelection.RoundRobin));

        #region storage-registration
        services.AddDbContextFactory<AppDbContext>(options => options.UseSqlite(connectionString));
        services.AddLeadKitEntityFrameworkCore<AppDbContext>();   // IFunnelStore and IRoutingLedgerStore on AppDbContext
        services.AddLeadKitFunnel(options => options.UseQualificationGuards = false);
        #endregion

        await using var provider = services.BuildServiceProvider();
        await using (var context = await provider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            // An application runs its migrations here (context.Database.MigrateAsync()); the sample creates the schema directly.
            await context.Database.EnsureCreatedAsync();
        }

        var workflow = provider.GetRequiredService<FunnelWorkflow>();
        var started = await workflow.StartAsync(new LeadId("lead-1"));
        var decision = await provider.GetRequiredService<LeadRouter>().RouteAsync(new Lead { Id = new LeadId("lead-1"), CreatedAt = started.StartedAt, Source = LeadSource.Referral }, started.StartedAt);

        Assert.Equal(started, await workflow.GetAsync(new LeadId("lead-1")));
        Assert.Equal(1, (await provider.GetRequiredService<IRoutingLedgerStore>().ReadAsync()).GetCounters(decision.RepId).Assigned);
    }

    [Fact]
    public async Task Outbox_DeliversTheCommittedStageChangesToTheHandlers()
    {
        var services = new ServiceCollection();
        services.AddDbContextFactory<AppDbContext>(options => options.UseSqlite($"Data Source={_path}"));
        services.AddLeadKitEntityFrameworkCore<AppDbContext>();
        services.AddLeadKitFunnel(options => options.UseQualificationGuards = false);

        #region storage-outbox
        services.AddSingleton<ILeadKitOutboxHandler, NotifyRepHandler>();
        services.AddLeadKitOutbox<AppDbContext>(options => options.PollInterval = TimeSpan.FromSeconds(2));
        #endregion

        await using var provider = services.BuildServiceProvider();
        await using (var context = await provider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            await context.Database.EnsureCreatedAsync();
        }

        var workflow = provider.GetRequiredService<FunnelWorkflow>();
        var started = await workflow.StartAsync(new LeadId("lead-1"));
        var moved = await workflow.FireAsync(new LeadId("lead-1"), started.Version, LeadKit.Abstractions.Funnel.FunnelTrigger.Qualify);

        Assert.True(moved.IsAccepted);
        Assert.Equal(1, await provider.GetRequiredService<LeadKitOutboxDispatcher<AppDbContext>>().DispatchPendingAsync());
        Assert.Equal(["lead-1#1"], ((NotifyRepHandler)provider.GetRequiredService<ILeadKitOutboxHandler>()).Handled);
    }

    private sealed class NotifyRepHandler : ILeadKitOutboxHandler
    {
        public List<string> Handled { get; } = [];

        public ValueTask HandleAsync(LeadKitOutboxEvent outboxEvent, CancellationToken cancellationToken)
        {
            Handled.Add($"{outboxEvent.LeadId.Value}#{outboxEvent.Sequence}");
            return ValueTask.CompletedTask;
        }
    }
}
