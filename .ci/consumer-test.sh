#!/usr/bin/env bash
# Consumes the packed LeadKit packages exactly as a NuGet user would: a fresh console project outside the
# repository references them by version from a local folder feed (not project references), builds and runs.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
feed="$root/artifacts/packages"
version=$(ls "$feed"/LeadKit.Abstractions.*.nupkg | grep -v '\.symbols\.' | head -1 | sed -E 's/.*LeadKit\.Abstractions\.(.*)\.nupkg/\1/')
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cat > "$work/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="leadkit-local" value="$feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
</configuration>
XML

cat > "$work/Consumer.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
    <!-- A private package folder, so a stale LeadKit package in the machine's cache can never be used. -->
    <RestorePackagesPath>$work/packages</RestorePackagesPath>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="LeadKit.Abstractions" Version="$version" />
    <PackageReference Include="LeadKit.Scoring" Version="$version" />
    <PackageReference Include="LeadKit.Funnel" Version="$version" />
    <PackageReference Include="LeadKit.Metrics" Version="$version" />
    <PackageReference Include="LeadKit.Routing" Version="$version" />
    <PackageReference Include="LeadKit.Learning" Version="$version" />
    <PackageReference Include="LeadKit.EntityFrameworkCore" Version="$version" />
    <PackageReference Include="Microsoft.EntityFrameworkCore.Sqlite" Version="10.0.15" />
  </ItemGroup>
</Project>
XML

cat > "$work/Program.cs" <<'CS'
using LeadKit.Abstractions.Engagement;
using LeadKit.EntityFrameworkCore.Funnel;
using LeadKit.EntityFrameworkCore.Model;
using Microsoft.EntityFrameworkCore;
using LeadKit.Abstractions.Funnel;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Sources;
using LeadKit.Funnel.Definitions;
using LeadKit.Funnel.State;
using LeadKit.Learning.Backtesting;
using LeadKit.Metrics.Inputs;
using LeadKit.Metrics.Reports;
using LeadKit.Routing;
using LeadKit.Scoring.Model;
using LeadKit.Scoring.Qualification;
using LeadKit.Scoring.Rules;

var now = new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
var lead = new Lead
{
    Id = new LeadId("consumer-1"),
    CreatedAt = now.AddDays(-3),
    Source = LeadSource.Referral,
    Timeframe = PurchaseTimeframe.Immediate,
    Signals = [new EngagementSignal(EngagementSignalKind.DemoRequested, now.AddDays(-1))],
};
var model = new ScoringModelBuilder()
    .AddRule(SalesRules.Source("source", (LeadSource.Referral, 20)))
    .AddRule(SalesRules.Signal("demo", EngagementSignalKind.DemoRequested, 25, maxOccurrences: 1))
    .Build();
var score = model.Score(lead, now);
if (score.Total != 45)
{
    Console.Error.WriteLine($"expected 45 points, got {score.Total}");
    return 1;
}

var funnel = DefaultFunnel.CreateQualified(model, new DefaultQualificationPolicy());
var state = funnel.Start(lead.Id, lead.CreatedAt);
var fired = funnel.Fire(state, FunnelTrigger.Qualify, now);
if (fired.Outcome != FireOutcome.Accepted)
{
    Console.Error.WriteLine($"expected the first qualify to be accepted, got {fired.Outcome}");
    return 1;
}

var report = new FunnelReportCalculator(new FunnelReportOptions()).Calculate([new LeadJourney(lead.Id, lead.Source, lead.CreatedAt, fired.State!.History)]);
if (typeof(LeadRouter).Assembly.GetName().Name != "LeadKit.Routing")
{
    Console.Error.WriteLine("LeadKit.Routing did not load from its package");
    return 1;
}

if (typeof(Backtester).Assembly.GetName().Name != "LeadKit.Learning")
{
    Console.Error.WriteLine("LeadKit.Learning did not load from its package");
    return 1;
}

// The durable store from its package, on a SQLite file: add, commit with the expected version, read back.
var database = Path.Combine(Path.GetTempPath(), $"leadkit-consumer-{Guid.NewGuid():N}.db");
var contexts = new ConsumerContextFactory(new DbContextOptionsBuilder<ConsumerContext>().UseSqlite($"Data Source={database};Pooling=False").Options);
await using (var context = contexts.CreateDbContext())
{
    await context.Database.EnsureCreatedAsync();
}

var store = new EntityFrameworkFunnelStore<ConsumerContext>(contexts);
await store.AddAsync(state);
var committed = await store.CommitAsync(fired.State, state.Version);
var stored = await store.GetAsync(lead.Id);
File.Delete(database);
if (committed.Outcome != LeadKit.Abstractions.Funnel.Store.FunnelCommitOutcome.Committed || stored?.Stage != fired.State.Stage)
{
    Console.Error.WriteLine($"expected the stored state at {fired.State.Stage}, got {committed.Outcome} and {stored?.Stage}");
    return 1;
}

Console.WriteLine($"consumer OK: score {score.Total}, stage {fired.State.Stage} (stored on SQLite), leads {report.Overall.Conversion.Leads}");
return 0;

sealed class ConsumerContext(DbContextOptions<ConsumerContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.AddLeadKit();
}

sealed class ConsumerContextFactory(DbContextOptions<ConsumerContext> options) : IDbContextFactory<ConsumerContext>
{
    public ConsumerContext CreateDbContext() => new(options);
}
CS

cd "$work"
dotnet run -c Release
