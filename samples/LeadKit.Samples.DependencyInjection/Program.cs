using LeadKit.Abstractions.Engagement;
using LeadKit.Abstractions.Funnel;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Scoring;
using LeadKit.Abstractions.Sources;
using LeadKit.Funnel.Definitions;
using LeadKit.Funnel.State;
using LeadKit.Scoring.DependencyInjection;
using LeadKit.Abstractions.Qualification;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

// A generic-host application: scoring options and a JSON rule set come from appsettings.json. The rule set is
// reloaded when configuration changes; an invalid reload is rejected and the model in use keeps working.
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Logging.SetMinimumLevel(LogLevel.Warning);
// A run-time layer over appsettings.json (an operator's change, a configuration service, ...).
var runtime = new ConfigurationBuilder().AddInMemoryCollection().Build();
builder.Configuration.AddConfiguration(runtime);

var section = builder.Configuration.GetSection("LeadKit");
builder.Services
    .AddLeadKitScoringRuleSet("b2b", null)
    .ConfigureLeadKitQualification(o => section.GetSection("Qualification").Bind(o))
    // The funnel's qualify transitions ask the "b2b" model's scorer and policy; naming it is required (start-up fails
    // otherwise, saying so), or set UseQualificationGuards = false for a funnel without qualification guards.
    .AddLeadKitFunnel(o => o.QualificationModel = "b2b");

// The rule set lives in its own file; its path is configuration, so a configuration change reloads it.
builder.Services.AddOptions<ScoringModelOptions>("b2b")
    .Configure<IConfiguration>((options, configuration) =>
        options.RuleSetJson = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, configuration["LeadKit:Scoring:b2b:RuleSetFile"]!)));
builder.Services.AddSingleton<IOptionsChangeTokenSource<ScoringModelOptions>>(
    new ConfigurationChangeTokenSource<ScoringModelOptions>("b2b", runtime));

using var host = builder.Build();
await host.StartAsync();

var provider = host.Services.GetRequiredService<IScoringModelProvider>();
var scorer = provider.GetScorer("b2b");
// The model's own policy (its rule set's thresholds over the configured options): the one the funnel's guards ask.
var policy = host.Services.GetRequiredKeyedService<IQualificationPolicy>("b2b");
var funnel = host.Services.GetRequiredService<FunnelDefinition>();
provider.ModelRejected += (_, rejected) =>
{
    Console.WriteLine($"Reload of '{rejected.Name}' rejected; model version {rejected.Status.Version} stays in use. Problems:");
    foreach (var problem in rejected.Rejection.Problems)
    {
        Console.WriteLine($"  {problem}");
    }
};

var now = new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
var lead = new Lead
{
    Id = new LeadId("di-1"),
    CreatedAt = now.AddDays(-10),
    Source = LeadSource.Referral,
    Contact = new ContactInfo { Seniority = Seniority.Director },
    Signals = [new EngagementSignal(EngagementSignalKind.DemoRequested, now.AddDays(-1))],
};

void Show(string when)
{
    var score = scorer.Score(lead, now);
    Console.WriteLine($"{when}: model '{provider.GetModel("b2b").Name}' with {provider.GetModel("b2b").RuleNames.Length} rules scores {lead.Id} at {score.Total} (fit {score.Fit}, engagement {score.Engagement}); {policy.Qualify(lead, score, now).Level}");
}

Show("Started");

// SAL -> SQL asks the same policy; a refusal carries its reasons (here: BANT not confirmed).
var atSal = funnel.Start(lead.Id, now, FunnelStage.Sal);
var toSql = funnel.Fire(atSal, FunnelTrigger.Qualify, now, new TransitionDetails(Lead: lead));
Console.WriteLine(toSql.IsAccepted ? "Funnel: SAL -> SQL accepted" : $"Funnel: SAL -> SQL {toSql.Outcome}: {string.Join("; ", toSql.UnmetGuards)}");

// An operator points the rule set at a broken file: the reload is rejected as a whole.
runtime["LeadKit:Scoring:b2b:RuleSetFile"] = "rules/b2b-broken.json";
runtime.Reload();
Show("After the rejected reload");

await host.StopAsync();
return provider.GetStatus("b2b").LastRejection is null ? 1 : 0;
