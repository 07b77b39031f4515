using System.Diagnostics.Metrics;
using LeadKit.Abstractions.Engagement;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Scoring;
using LeadKit.Scoring.Decay;
using LeadKit.Scoring.DependencyInjection;
using LeadKit.Scoring.Diagnostics;
using LeadKit.Scoring.Rules;
using LeadKit.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace LeadKit.Scoring.Tests.DependencyInjection;

/// <summary>
/// A rule set reloaded through the real JSON file configuration provider with <c>reloadOnChange</c>, wired as
/// samples/LeadKit.Samples.DependencyInjection does: the settings file names the rule-set file, and editing the
/// settings on disk reloads it (issue 17, D4 and D12).
/// </summary>
public sealed class RuleSetFileReloadTests : IDisposable
{
    // A polling watcher (DOTNET_USE_POLLING_FILE_WATCHER) looks every 4 s; a loaded CI machine is slower still.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private static readonly Lead DemoLead = LeadBuilder.New().Did(EngagementSignalKind.DemoRequested).Build();

    private readonly string _folder = Directory.CreateTempSubdirectory("leadkit-reload-").FullName;
    private readonly string _model = "b2b-" + Guid.NewGuid().ToString("N");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task FileEdit_ToAnInvalidRuleSet_IsReportedByEventCounterAndStatus_AndAGoodEditClearsIt()
    {
        File.WriteAllText(Path.Combine(_folder, "good.json"), RuleSet(points: 25, country: "DE"));
        File.WriteAllText(Path.Combine(_folder, "better.json"), RuleSet(points: 40, country: "BR"));

        // The lone surrogate is a JSON escape in the file, so the file itself is valid UTF-8.
        File.WriteAllText(Path.Combine(_folder, "hostile.json"), RuleSet(points: 99, country: "\\ud800"));
        WriteSettings("good.json");

        var configuration = new ConfigurationBuilder().SetBasePath(_folder).AddJsonFile("settings.json", optional: false, reloadOnChange: true).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLeadKitScoringRuleSet(_model, null);
        services.AddOptions<ScoringModelOptions>(_model)
            .Configure<IConfiguration>((options, config) => options.RuleSetJson = File.ReadAllText(Path.Combine(_folder, config[$"LeadKit:Scoring:{_model}:RuleSetFile"]!)));
        services.AddSingleton<IOptionsChangeTokenSource<ScoringModelOptions>>(new ConfigurationChangeTokenSource<ScoringModelOptions>(_model, configuration));
        await using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
        var models = provider.GetRequiredService<IScoringModelProvider>();
        var scorer = provider.GetRequiredKeyedService<ILeadScorer>(_model);
        var rejected = new TaskCompletionSource<ScoringModelStatus>(TaskCreationOptions.RunContinuationsAsynchronously);
        models.ModelRejected += (_, status) => rejected.TrySetResult(status);
        using var counter = new RejectionCounter(_model);
        Assert.Equal(25, scorer.Score(DemoLead, LeadBuilder.Now).Engagement);

        WriteSettings("hostile.json");
        var status = await rejected.Task.WaitAsync(Patience);

        Assert.Equal(_model, status.Name);
        Assert.Contains(status.LastRejection, p => p.Path == "$.rules[1].when.value");
        Assert.Equal(1, counter.Count);
        Assert.Equal(status.LastRejection, models.GetStatus(_model).LastRejection);
        Assert.NotNull(models.GetStatus(_model).LastRejectedAt);
        Assert.Equal(25, scorer.Score(DemoLead, LeadBuilder.Now).Engagement);

        WriteSettings("better.json");
        await WaitUntil(() => scorer.Score(DemoLead, LeadBuilder.Now).Engagement == 40);

        var after = models.GetStatus(_model);
        Assert.Empty(after.LastRejection);
        Assert.Null(after.LastRejectedAt);
        Assert.Equal(1, counter.Count);
    }

    [Fact]
    public void Reload_OfACodeBuiltModelWhoseCodeThrowsArgumentException_IsARejection()
    {
        // A decay factory now refuses a zero lifetime; in a change callback the exception would be lost.
        var lifetimeDays = 30;
        using var changes = new ManualOptionsChange(_model);
        var services = new ServiceCollection()
            .AddLeadKitScoring(_model, b => b.AddRule(new SignalRule("demo", EngagementSignalKind.DemoRequested, 10) { Decay = DecayFunction.Linear(TimeSpan.FromDays(lifetimeDays)) }))
            .AddSingleton<IOptionsChangeTokenSource<ScoringModelOptions>>(changes);
        using var provider = services.BuildServiceProvider();
        var models = provider.GetRequiredService<IScoringModelProvider>();
        var before = models.GetModel(_model);
        var rejections = new List<ScoringModelStatus>();
        models.ModelRejected += (_, status) => rejections.Add(status);

        lifetimeDays = 0;
        changes.Fire();

        var rejection = Assert.Single(rejections);
        Assert.Equal("configuring the model threw ArgumentOutOfRangeException for the parameter 'lifetime'", Assert.Single(rejection.LastRejection).Message);
        Assert.Same(before, models.GetModel(_model));
    }

    private static string RuleSet(int points, string country) => $$"""
        {
          "name": "b2b",
          "rules": [
            { "name": "demo", "type": "signal", "signals": ["demo_requested"], "points": {{points}} },
            { "name": "home", "type": "attribute", "points": 5, "when": { "field": "company.country", "op": "equals", "value": "{{country}}" } }
          ]
        }
        """;

    private static async Task WaitUntil(Func<bool> condition)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(waited.Elapsed < Patience, "the file edit was not applied in time");
            await Task.Delay(50);
        }
    }

    private void WriteSettings(string ruleSetFile)
    {
        // Replaced whole, as an editor saves, so the watcher never reads a half-written settings file.
        var next = Path.Combine(_folder, "settings.next");
        File.WriteAllText(next, $$"""{ "LeadKit": { "Scoring": { "{{_model}}": { "RuleSetFile": "{{ruleSetFile}}" } } } }""");
        File.Move(next, Path.Combine(_folder, "settings.json"), overwrite: true);
    }


    /// <summary>Counts <c>leadkit.scoring.rule_set_rejections</c> for one model (other tests run in parallel).</summary>
    private sealed class RejectionCounter : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _count;

        public RejectionCounter(string model)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == ScoringMetrics.MeterName && instrument.Name == "leadkit.scoring.rule_set_rejections")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            {
                foreach (var tag in tags)
                {
                    if (tag.Key == "leadkit.model" && Equals(tag.Value, model))
                    {
                        Interlocked.Add(ref _count, value);
                    }
                }
            });
            _listener.Start();
        }

        public long Count => Interlocked.Read(ref _count);

        public void Dispose() => _listener.Dispose();
    }
}
