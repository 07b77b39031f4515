using System.Diagnostics;
using System.Diagnostics.Metrics;
using FsCheck.Xunit;
using LeadKit.Abstractions.Configuration;
using LeadKit.Abstractions.Configuration.Reload;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace LeadKit.Abstractions.Tests.Configuration.Reload;

public sealed class ReloadableRegistryTests
{
    // A document is a number: valid when not negative, and then its value is a box holding it.
    private static readonly ReloadBuilder<int, Box> Build = static (document, problems) =>
    {
        if (document < 0)
        {
            problems.Add(new ConfigurationProblem("$.number", ConfigurationProblemCodes.OutOfRange, "must not be negative"));
            return null;
        }

        return new Box(document);
    };

    /// <summary>The model: after every document the value is the last valid one, the version counts valid ones, the rejection is the latest document's.</summary>
    [Property(MaxTest = 200)]
    public void Entry_AnySequenceOfDocuments_HoldsTheLastValidOne(int initial, int[] documents)
    {
        var clock = new FakeTimeProvider();
        using var registry = new ReloadableRegistry<Box>(new ReloadableRegistryOptions { TimeProvider = clock });
        var source = new ManualReloadSource<int>(initial);
        var rejections = 0;
        registry.Rejected += (_, _) => rejections++;
        var entry = registry.Add("m", source, Build);

        int? lastValid = initial >= 0 ? initial : null;
        long version = lastValid is null ? 0 : 1;
        var expectedRejections = lastValid is null ? 1 : 0;
        var loadedAt = lastValid is null ? (DateTimeOffset?)null : clock.GetUtcNow();
        Check(initial);
        foreach (var document in documents)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            source.Publish(document);
            if (document >= 0)
            {
                lastValid = document;
                version++;
                loadedAt = clock.GetUtcNow();
            }
            else
            {
                expectedRejections++;
            }

            Check(document);
        }

        void Check(int latest)
        {
            Assert.Equal(lastValid is not null, entry.TryGetValue(out var value));
            Assert.Equal(lastValid, value?.Number);
            Assert.Equal(version, entry.Status.Version);
            Assert.Equal(loadedAt, entry.Status.LoadedAt);
            Assert.Equal(expectedRejections, rejections);
            if (latest >= 0)
            {
                Assert.Null(entry.Status.LastRejection);
            }
            else
            {
                var rejection = Assert.IsType<ReloadRejection>(entry.Status.LastRejection);
                Assert.Equal("$.number", Assert.Single(rejection.Problems).Path);
                Assert.Equal(clock.GetUtcNow(), rejection.At);
            }
        }
    }

    [Fact]
    public async Task Entry_ConcurrentReloadsAndReads_ReadersSeeOnlyValidValuesInOrder_AndTheLastValidOneWins()
    {
        using var registry = new ReloadableRegistry<Box>();
        var source = new ManualReloadSource<int>(0);
        var entry = registry.Add("m", source, Build);
        const int Documents = 20_000;
        const int Writers = 2;
        const int Range = 1_000_000;
        using var stop = new CancellationTokenSource();
        var readers = Enumerable.Range(0, 3).Select(_ => Task.Run(() =>
        {
            // Each writer's valid documents increase, so per writer a reader may never see an older one after a newer one.
            var previous = new int[Writers];
            var reads = 0L;
            while (!stop.IsCancellationRequested || reads == 0)
            {
                var number = entry.Value.Number;
                Assert.True(number >= 0, "an invalid document was applied");
                Assert.True(entry.Status.Version >= 1);
                if (number > 0)
                {
                    var writer = (number / Range) - 1;
                    Assert.True(number >= previous[writer], "a reader saw an older value after a newer one");
                    previous[writer] = number;
                }

                reads++;
            }

            return reads;
        })).ToArray();

        // Every writer publishes valid (even i) and invalid (odd i, negative) documents in turn, ending with a valid one.
        var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(() =>
        {
            for (var i = 1; i <= Documents; i++)
            {
                source.Publish(i % 2 == 0 ? ((w + 1) * Range) + i : -i);
            }
        })).ToArray();
        await Task.WhenAll(writers);
        await stop.CancelAsync();
        foreach (var reads in await Task.WhenAll(readers))
        {
            Assert.True(reads > 0);
        }

        Assert.Equal(1 + (Writers * Documents / 2), entry.Status.Version);
        // The last document of each writer is valid, so whichever came last is in use.
        Assert.Null(entry.Status.LastRejection);
        Assert.Equal(source.Current, entry.Value.Number);
        Assert.Contains(entry.Value.Number, new[] { Range + Documents, (2 * Range) + Documents });
    }

    [Fact]
    public void Entry_InvalidFirstDocument_HasNoValue_ThrowsItsProblems_UntilAValidOneArrives()
    {
        using var registry = new ReloadableRegistry<Box>();
        var source = new ManualReloadSource<int>(-1);

        var entry = registry.Add("m", source, Build);

        var ex = Assert.Throws<ConfigurationException>(() => entry.Value);
        Assert.Equal(ConfigurationProblemCodes.OutOfRange, Assert.Single(ex.Problems).Code);
        Assert.False(entry.Status.HasValue);
        source.Publish(7);
        Assert.Equal(7, entry.Value.Number);
        Assert.True(entry.Status.HasValue);
    }

    [Fact]
    public void Entry_BuilderThrows_IsARejectionWithTheExceptionKept_AndConfigurationExceptionGivesItsProblems()
    {
        using var registry = new ReloadableRegistry<Box>();
        var source = new ManualReloadSource<int>(1);
        var boom = new InvalidOperationException("secret text from the document");
        var entry = registry.Add("m", source, (document, problems) => document switch
        {
            2 => throw boom,
            3 => throw new ConfigurationException([new ConfigurationProblem("$.a", ConfigurationProblemCodes.Required, "is required")]),
            4 => null,
            _ => new Box(document),
        });
        var events = new List<ReloadRejectedEventArgs>();
        entry.Rejected += (sender, e) =>
        {
            Assert.Same(entry, sender);
            events.Add(e);
        };

        source.Publish(2);
        source.Publish(3);
        source.Publish(4);

        Assert.Equal(1, entry.Value.Number);
        Assert.Equal(3, events.Count);
        var thrown = Assert.Single(events[0].Rejection.Problems);
        Assert.Equal(ReloadProblemCodes.BuildFailed, thrown.Code);
        Assert.DoesNotContain("secret", thrown.Message, StringComparison.Ordinal);
        Assert.Same(boom, events[0].Rejection.Exception);
        Assert.Equal("$.a", Assert.Single(events[1].Rejection.Problems).Path);
        Assert.Null(events[1].Rejection.Exception);
        Assert.Equal(ReloadProblemCodes.NoValue, Assert.Single(events[2].Rejection.Problems).Code);
        Assert.Same(events[2].Rejection, entry.Status.LastRejection);
        Assert.Equal("m", events[2].Name);
    }

    [Fact]
    public void Builder_ValueWithProblems_IsRefused()
    {
        using var registry = new ReloadableRegistry<Box>();
        var source = new ManualReloadSource<int>(1);
        var entry = registry.Add("m", source, (document, problems) =>
        {
            if (document == 2)
            {
                problems.Add(new ConfigurationProblem("$", ConfigurationProblemCodes.InvalidValue, "half valid"));
            }

            return new Box(document);
        });

        source.Publish(2);

        Assert.Equal(1, entry.Value.Number);
        Assert.NotNull(entry.Status.LastRejection);
    }

    [Fact]
    public void Counter_CountsAppliedAndRejectedDocumentsByName_AndActivitiesCarryTheOutcome()
    {
        using var meter = new Meter("LeadKit.Test.Reload." + Guid.NewGuid().ToString("N"));
        using var activities = new ActivitySource(meter.Name);
        var measurements = new List<(long Value, string? Name, string? Outcome)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter, meter))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            Assert.Equal("leadkit.test.reloads", instrument.Name);
            string? name = null, outcome = null;
            foreach (var tag in tags)
            {
                name = tag.Key == "leadkit.model" ? (string?)tag.Value : name;
                outcome = tag.Key == ReloadTelemetry.OutcomeTag ? (string?)tag.Value : outcome;
            }

            measurements.Add((value, name, outcome));
        });
        listener.Start();
        var started = new List<Activity>();
        using var activityListener = new ActivityListener
        {
            ShouldListenTo = s => ReferenceEquals(s, activities),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = started.Add,
        };
        ActivitySource.AddActivityListener(activityListener);
        using var registry = new ReloadableRegistry<Box>(new ReloadableRegistryOptions
        {
            Meter = meter,
            CounterName = "leadkit.test.reloads",
            NameTag = "leadkit.model",
            ActivitySource = activities,
            ActivityName = "test.reload",
        });
        var source = new ManualReloadSource<int>(1);
        registry.Add("b2b", source, Build);

        source.Publish(-1);
        source.Publish(2);

        Assert.Equal(
            [(1L, "b2b", ReloadTelemetry.Applied), (1L, "b2b", ReloadTelemetry.Rejected), (1L, "b2b", ReloadTelemetry.Applied)],
            measurements);
        Assert.Equal(3, started.Count);
        Assert.All(started, a => Assert.Equal("test.reload", a.OperationName));
        Assert.Equal(ActivityStatusCode.Error, started[1].Status);
        Assert.Equal(ReloadTelemetry.Rejected, started[1].GetTagItem(ReloadTelemetry.OutcomeTag));
        Assert.Equal("b2b", started[1].GetTagItem("leadkit.model"));
    }

    [Fact]
    public void Registry_NamesAreUnique_UnknownNamesAreNotFound_AndDisposeStopsFollowing()
    {
        var registry = new ReloadableRegistry<Box>();
        var source = new ManualReloadSource<int>(1);
        var entry = registry.Add("a", source, Build);
        registry.Add("b", new ManualReloadSource<int>(2), Build);

        Assert.Throws<ArgumentException>(() => registry.Add("a", source, Build));
        Assert.Throws<KeyNotFoundException>(() => registry["c"]);
        Assert.False(registry.TryGet("c", out _));
        Assert.Same(entry, registry["a"]);
        Assert.Equal(["a", "b"], registry.Names.Order(StringComparer.Ordinal));

        registry.Dispose();
        source.Publish(5);
        Assert.Equal(1, entry.Value.Number);
        Assert.Throws<ObjectDisposedException>(() => registry.Add("d", source, Build));
    }

    [Fact]
    public void RejectedHandler_CanReadTheEntryAndPublishAgain_WithoutDeadlock()
    {
        using var registry = new ReloadableRegistry<Box>();
        var source = new ManualReloadSource<int>(1);
        var entry = registry.Add("m", source, Build);
        registry.Rejected += (_, e) =>
        {
            Assert.Equal(1, registry[e.Name].Value.Number);
            source.Publish(9);
        };

        source.Publish(-3);

        Assert.Equal(9, entry.Value.Number);
        Assert.Null(entry.Status.LastRejection);
    }

    private sealed record Box(int Number);
}
