using System.Diagnostics.Metrics;
using LeadKit.Abstractions.Engagement;
using LeadKit.Abstractions.Scoring;
using LeadKit.Scoring.Model;
using LeadKit.Scoring.Rules;
using LeadKit.Scoring.RuleSets;
using LeadKit.Testing;

namespace LeadKit.Scoring.Tests.Model;

public sealed class ScoringModelTelemetryTests
{
    [Fact]
    public void Score_WithMeterFactory_CountsLeadsOnThatFactorysMeterTaggedWithTheModelOnly()
    {
        using var factory = new ScopedMeterFactory();
        using var recorder = new Recorder(factory);
        var model = new ScoringModelBuilder().WithName("b2b").WithMeterFactory(factory)
            .AddRule(SalesRules.Signal("views", EngagementSignalKind.PageView, 1, maxOccurrences: 5))
            .Build();
        var leads = new[] { LeadBuilder.New().Build(), LeadBuilder.New().Build(), LeadBuilder.New().Build() };

        model.Score(leads[0], LeadBuilder.Now);
        model.ScoreBatch(leads, LeadBuilder.Now, new LeadScore[leads.Length]);

        Assert.Equal([1L, 3L], recorder.Values("leadkit.scoring.leads_scored"));
        Assert.All(recorder.Tags, tags => Assert.Equal([new KeyValuePair<string, object?>("leadkit.model", "b2b")], tags));
    }

    [Fact]
    public void Score_WithoutMeterFactory_RecordsNothingOnAFactorysMeter()
    {
        using var factory = new ScopedMeterFactory();
        using var recorder = new Recorder(factory);
        var model = new ScoringModelBuilder().AddRule(SalesRules.EmailDomain("email", 5, -5)).Build();

        model.Score(LeadBuilder.New().Build(), LeadBuilder.Now);

        Assert.Empty(recorder.Values("leadkit.scoring.leads_scored"));
    }

    [Fact]
    public void RuleSet_WithMeterFactoryOption_ModelAndItsCopiesRecordOnThatMeter()
    {
        using var factory = new ScopedMeterFactory();
        using var recorder = new Recorder(factory);
        var ruleSet = ScoringRuleSet.Parse("""{ "version": 1, "name": "crm", "rules": [ { "name": "email", "type": "emailDomain", "businessPoints": 5, "freeMailPoints": -5 } ] }""", new ScoringRuleSetOptions { MeterFactory = factory });

        ruleSet.Model.Score(LeadBuilder.New().Build(), LeadBuilder.Now);
        ruleSet.CreateModel(TimeProvider.System).Score(LeadBuilder.New().Build(), LeadBuilder.Now);

        Assert.Equal([1L, 1L], recorder.Values("leadkit.scoring.leads_scored"));
    }

    [Fact]
    public void WithMeterFactory_Null_Throws()
        => Assert.Throws<ArgumentNullException>(() => new ScoringModelBuilder().WithMeterFactory(null!));

    /// <summary>One meter per name and version, scoped to this factory, as the container's factory does.</summary>
    private sealed class ScopedMeterFactory : IMeterFactory
    {
        private readonly List<Meter> _meters = [];

        public Meter Create(MeterOptions options)
        {
            lock (_meters)
            {
                if (_meters.Find(m => m.Name == options.Name && m.Version == options.Version) is { } existing)
                {
                    return existing;
                }

                var meter = new Meter(options.Name, options.Version, options.Tags, scope: this);
                _meters.Add(meter);
                return meter;
            }
        }

        public void Dispose()
        {
            foreach (var meter in _meters)
            {
                meter.Dispose();
            }
        }
    }

    /// <summary>Records the measurements of one factory's meters only (tests run in parallel).</summary>
    private sealed class Recorder : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly List<(string Instrument, long Value, KeyValuePair<string, object?>[] Tags)> _measurements = [];

        public Recorder(IMeterFactory factory)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (ReferenceEquals(instrument.Meter.Scope, factory))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            {
                lock (_measurements)
                {
                    _measurements.Add((instrument.Name, value, tags.ToArray()));
                }
            });
            _listener.Start();
        }

        public IEnumerable<KeyValuePair<string, object?>[]> Tags
        {
            get
            {
                lock (_measurements)
                {
                    return [.. _measurements.Select(m => m.Tags)];
                }
            }
        }

        public long[] Values(string instrument)
        {
            lock (_measurements)
            {
                return [.. _measurements.Where(m => m.Instrument == instrument).Select(m => m.Value)];
            }
        }

        public void Dispose() => _listener.Dispose();
    }
}
