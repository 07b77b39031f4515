using LeadKit.Abstractions.Funnel.Store;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Abstractions.Routing;
using LeadKit.EntityFrameworkCore.Funnel;
using LeadKit.EntityFrameworkCore.Routing;
using LeadKit.EntityFrameworkCore.Tests.Sqlite;
using LeadKit.EntityFrameworkCore.Tests.Support;
using LeadKit.Funnel.Workflow;
using LeadKit.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LeadKit.EntityFrameworkCore.Tests.DependencyInjection;

public sealed class LeadKitEntityFrameworkCoreServiceCollectionExtensionsTests : IDisposable
{
    private readonly SqliteTestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Stores_ReplaceTheInMemoryOnes_WhicheverOrderTheyAreRegisteredIn()
    {
        var services = new ServiceCollection();
        services.AddDbContextFactory<TestDbContext>(o => o.UseSqlite(_database.ConnectionString));

        // The funnel before, routing after: both must end up on the database.
        services.AddLeadKitFunnel(o => o.UseQualificationGuards = false);
        services.AddLeadKitEntityFrameworkCore<TestDbContext>();
        services.AddLeadKitEntityFrameworkCore<TestDbContext>();
        services.AddLeadKitRouting();
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        Assert.IsType<EntityFrameworkFunnelStore<TestDbContext>>(provider.GetRequiredService<IFunnelStore>());
        Assert.IsType<EntityFrameworkRoutingLedgerStore<TestDbContext>>(provider.GetRequiredService<IRoutingLedgerStore>());
        Assert.Same(provider.GetRequiredService<IRoutingLedgerStore>(), provider.GetRequiredService<LeadRouter>().Ledger);
        Assert.Single(services, d => d.ServiceType == typeof(IFunnelStore));

        var started = await provider.GetRequiredService<FunnelWorkflow>().StartAsync(new LeadId("lead-1"));
        var stored = await new EntityFrameworkFunnelStore<TestDbContext>(_database.Factory()).GetAsync(new LeadId("lead-1"));
        Assert.Equal(started, stored);
    }
}
