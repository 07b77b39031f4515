using System.Diagnostics.Metrics;
using LeadKit.Abstractions.Configuration.Reload;
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
        var rejected = new TaskCompletionSource<ReloadRejectedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        models.ModelRejected += (_, e) => rejected.TrySetResult(e);
        using var counter = new RejectionCounter(_model);
        Assert.Equal(25, scorer.Score(DemoLead, LeadBuilder.Now).Engagement);

        WriteSettings("hostile.json");
        var rejection = await rejected.Task.WaitAsync(Patience);

        Assert.Equal(_model, rejection.Name);
        Assert.Contains(rejection.Rejection.Problems, p => p.Path == "$.rules[1].when.value");
        Assert.Equal(1, counter.Rejected);
        Assert.Same(rejection.Rejection, models.GetStatus(_model).LastRejection);
        Assert.Equal(1, models.GetStatus(_model).Version);
        Assert.Equal(25, scorer.Score(DemoLead, LeadBuilder.Now).Engagement);

        WriteSettings("better.json");
        await WaitUntil(() => scorer.Score(DemoLead, LeadBuilder.Now).Engagement == 40);

        var after = models.GetStatus(_model);
        Assert.Null(after.LastRejection);
        Assert.Equal(2, after.Version);
        Assert.Equal(1, counter.Rejected);
        Assert.Equal(1, counter.Applied);
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
        var rejections = new List<ReloadRejectedEventArgs>();
        models.ModelRejected += (_, e) => rejections.Add(e);

        lifetimeDays = 0;
        changes.Fire();

        var rejection = Assert.Single(rejections);
        Assert.Equal("configuring the model threw ArgumentOutOfRangeException for the parameter 'lifetime'", Assert.Single(rejection.Rejection.Problems).Message);
        Assert.Same(before, models.GetModel(_model));
    }

    private static string RuleSet(int points, string country) => $$"""
        {
          "version": 1,
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


    /// <summary>Counts <c>leadkit.scoring.model_reloads</c> for one model by outcome (other tests run in parallel).</summary>
    private sealed class RejectionCounter : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _rejected;
        private long _applied;

        public RejectionCounter(string model)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == ScoringMetrics.MeterName && instrument.Name == "leadkit.scoring.model_reloads")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            {
                string? name = null, outcome = null;
                foreach (var tag in tags)
                {
                    name = tag.Key == "leadkit.model" ? tag.Value as string : name;
                    outcome = tag.Key == ReloadTelemetry.OutcomeTag ? tag.Value as string : outcome;
                }

                if (name == model)
                {
                    Interlocked.Add(ref outcome == ReloadTelemetry.Rejected ? ref _rejected : ref _applied, value);
                }
            });
            _listener.Start();
        }

        public long Rejected => Interlocked.Read(ref _rejected);

        public long Applied => Interlocked.Read(ref _applied);

        public void Dispose() => _listener.Dispose();
    }
}
