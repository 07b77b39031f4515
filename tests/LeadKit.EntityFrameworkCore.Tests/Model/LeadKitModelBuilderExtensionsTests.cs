using LeadKit.Abstractions.Identifiers;
using LeadKit.EntityFrameworkCore.Funnel;
using LeadKit.EntityFrameworkCore.Model;
using LeadKit.EntityFrameworkCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace LeadKit.EntityFrameworkCore.Tests.Model;

public sealed class LeadKitModelBuilderExtensionsTests
{
    [Fact]
    public void AddLeadKit_ByDefault_PrefixesTheTablesAndIndexesTheStageQuery()
    {
        using var context = new DefaultContext();
        var leads = context.Model.FindEntityType(typeof(FunnelLeadRow))!;
        var history = context.Model.FindEntityType(typeof(FunnelHistoryRow))!;

        Assert.Equal(
            ["leadkit_funnel_history", "leadkit_funnel_leads", "leadkit_outbox", "leadkit_routing_ledger", "leadkit_routing_pool_counts", "leadkit_routing_pools", "leadkit_routing_reps"],
            context.Model.GetEntityTypes().Select(e => e.GetTableName()!).Order(StringComparer.Ordinal));
        Assert.Equal(["LeadId", "Version"], history.FindPrimaryKey()!.Properties.Select(p => p.Name));
        Assert.Contains(leads.GetIndexes(), i => i.Properties.Select(p => p.Name).SequenceEqual(["Stage", "EnteredAtUtcTicks", "LeadId"]));
        Assert.Contains("CREATE INDEX \"ix_leadkit_funnel_leads_stage_entered_lead\"", context.Database.GenerateCreateScript(), StringComparison.Ordinal);
    }

    [Fact]
    public void AddLeadKit_IndexesTheOutbox_ForTheDispatchersPoll_AndOneEventPerChange()
    {
        using var context = new DefaultContext();
        var outbox = context.Model.FindEntityType(typeof(OutboxEventRow))!;
        var script = context.Database.GenerateCreateScript();

        Assert.Equal(["Id"], outbox.FindPrimaryKey()!.Properties.Select(p => p.Name));
        Assert.Contains(outbox.GetIndexes(), i => i.IsUnique && i.Properties.Select(p => p.Name).SequenceEqual(["LeadId", "Kind", "Sequence"]));
        Assert.Contains("CREATE UNIQUE INDEX \"ux_leadkit_outbox_lead_kind_sequence\"", script, StringComparison.Ordinal);
        Assert.Contains("CREATE INDEX \"ix_leadkit_outbox_pending\" ON \"leadkit_outbox\" (\"delivered_at_utc_ticks\", \"next_attempt_at_utc_ticks\")", script, StringComparison.Ordinal);
    }

    [Fact]
    public void AddLeadKit_WithASchemaAndPrefix_UsesThem_AndANullPrefixIsRefused()
    {
        using var context = new CustomContext();
        var leads = context.Model.FindEntityType(typeof(FunnelLeadRow))!;

        Assert.Equal("lk_funnel_leads", leads.GetTableName());
        Assert.Equal("sales", leads.GetSchema());
        Assert.Throws<ArgumentException>(() => new ModelBuilder().AddLeadKit(o => o.TablePrefix = null!));
    }

    [Fact]
    public async Task Stores_OnAContextWithoutAddLeadKit_SayWhatToCall()
    {
        var factory = new PlainFactory();
        var funnel = new EntityFrameworkFunnelStore<PlainContext>(factory);
        var ledger = new EntityFrameworkRoutingLedgerStore<PlainContext>(factory);

        var get = await Assert.ThrowsAsync<InvalidOperationException>(async () => await funnel.GetAsync(new LeadId("a")));
        var read = await Assert.ThrowsAsync<InvalidOperationException>(async () => await ledger.ReadAsync());

        Assert.Equal("PlainContext's model has no LeadKit tables: call modelBuilder.AddLeadKit() in its OnModelCreating.", get.Message);
        Assert.Equal(get.Message, read.Message);
    }

    private sealed class PlainContext : DbContext
    {
        protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) => optionsBuilder.UseSqlite("Data Source=:memory:");
    }

    private sealed class PlainFactory : IDbContextFactory<PlainContext>
    {
        public PlainContext CreateDbContext() => new();
    }

    // Two context types: EF Core builds a model once per context type, so options cannot differ between instances of one.
    private sealed class DefaultContext : DbContext
    {
        protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) => optionsBuilder.UseSqlite("Data Source=:memory:");

        protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.AddLeadKit();
    }

    private sealed class CustomContext : DbContext
    {
        protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) => optionsBuilder.UseSqlite("Data Source=:memory:");

        protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.AddLeadKit(o =>
        {
            o.Schema = "sales";
            o.TablePrefix = "lk_";
        });
    }
}
