using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using LeadKit.Abstractions.Leads;
using LeadKit.Scoring.Diagnostics;
using LeadKit.Scoring.Model;
using LeadKit.Scoring.Rules;
using LeadKit.Testing;

namespace LeadKit.Scoring.Tests.Kernel;

/// <summary>
/// <see cref="ScoringCompilationMode"/>: when a model compiles, that every mode scores the same, and that a failed
/// compile is reported by the status, the counter and the event, with its exception.
/// </summary>
public sealed class CompilationModeTests
{
    // Models whose name starts with this fail to compile; every other model compiles as usual. The hook is set by every
    // test of this class to the same behaviour and never reset, so tests running in parallel never see it change.
    private const string FaultPrefix = "compile_fault_";

    private static readonly DateTimeOffset Now = LeadBuilder.Now;

    public CompilationModeTests()
    {
        ScoringModel.CompilationFaultForTests = FailFaultModels;
    }

    [Fact]
    public void Never_PastTheBackgroundCount_NeverCompiles_AndScoresFromTheTables()
    {
        var model = Model("never", ScoringCompilationMode.Never);
        var leads = TestLeads.Generate(64, seed: 3);

        Parallel.For(0, 2 * ScoringModel.ScoresBeforeCompiling, i => model.Score(leads[i % leads.Length], Now));
        Thread.Sleep(200);

        Assert.Equal(ScoringCompilationState.Disabled, model.Compilation.State);
        Assert.Null(model.Compilation.Exception);
        Assert.False(model.HasCompiledRules);
        Assert.False(model.HasCompiledSignalPoints);
        var reference = Model("never_reference", ScoringCompilationMode.Eager);
        foreach (var lead in leads)
        {
            Assert.Equal(model.ScoreFromTables(lead, Now), model.Score(lead, Now));
            Assert.Equal(reference.Score(lead, Now), model.Score(lead, Now));
            Assert.Equal(model.Explain(lead, Now).Score, model.Score(lead, Now));
        }
    }

    [Fact]
    public void Eager_CompilesBeforeBuildReturns()
    {
        var model = Model("eager", ScoringCompilationMode.Eager);

        var compiles = RuntimeFeature.IsDynamicCodeCompiled;
        Assert.Equal(compiles ? ScoringCompilationState.Compiled : ScoringCompilationState.Disabled, model.Compilation.State);
        Assert.Equal(compiles, model.HasCompiledRules);
        Assert.Equal(compiles, model.HasCompiledSignalPoints);
        foreach (var lead in TestLeads.Generate(64, seed: 4))
        {
            Assert.Equal(model.ScoreFromTables(lead, Now), model.Score(lead, Now));
        }
    }

    [Fact]
    public void Background_IsTheDefault_PendingUntilTheCount_ThenCompiled()
    {
        var model = Model("background", mode: null);
        Assert.Equal(ScoringCompilationState.Pending, model.Compilation.State);
        Assert.Equal(default, ScoringCompilationMode.Background);

        var leads = TestLeads.Generate(64, seed: 5);
        for (var i = 0; i < ScoringModel.ScoresBeforeCompiling; i++)
        {
            model.Score(leads[i % leads.Length], Now);
        }

        Assert.True(SpinWait.SpinUntil(() => model.Compilation.State != ScoringCompilationState.Pending, TimeSpan.FromSeconds(30)), "Not compiled within 30 s.");
        Assert.Equal(ScoringCompilationState.Compiled, model.Compilation.State);
        Assert.True(model.HasCompiledRules);
    }

    [Fact]
    public void Background_CompileFails_ReportedByStatusCounterAndEvent_WithTheException_AndScoresStayTheSame()
    {
        var model = Model(FaultPrefix + "background", mode: null);
        var failures = new List<(long Value, string? Model, string? ErrorType)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ScoringMetrics.MeterName && instrument.Name == "leadkit.scoring.compilation_failures")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            string? name = null, errorType = null;
            foreach (var tag in tags)
            {
                name = tag.Key == "leadkit.model" ? tag.Value as string : name;
                errorType = tag.Key == "error.type" ? tag.Value as string : errorType;
            }

            if (name == model.Name)
            {
                lock (failures)
                {
                    failures.Add((value, name, errorType));
                }
            }
        });
        listener.Start();
        using var raised = new ManualResetEventSlim();
        Exception? fromEvent = null;
        object? sender = null;
        model.CompilationFailed += (s, e) =>
        {
            (sender, fromEvent) = (s, e.Exception);
            raised.Set();
        };

        var leads = TestLeads.Generate(64, seed: 6);
        var before = leads.Select(lead => model.Score(lead, Now)).ToArray();
        for (var i = 0; i < ScoringModel.ScoresBeforeCompiling; i++)
        {
            model.Score(leads[i % leads.Length], Now);
        }

        Assert.True(raised.Wait(TimeSpan.FromSeconds(30)), "CompilationFailed was not raised within 30 s.");
        var status = model.Compilation;
        Assert.Equal(ScoringCompilationState.Failed, status.State);
        var fault = Assert.IsType<ForcedCompileFault>(status.Exception);
        Assert.Equal(model.Name, fault.ModelName);
        Assert.Same(fault, fromEvent);
        Assert.Same(model, sender);
        lock (failures)
        {
            Assert.Equal([(1L, model.Name, typeof(ForcedCompileFault).FullName)], failures);
        }

        Assert.False(model.HasCompiledRules);
        Assert.Equal(before, leads.Select(lead => model.Score(lead, Now)));
    }

    [Fact]
    public void Eager_CompileFails_BuildThrowsTheException()
    {
        var fault = Assert.Throws<ForcedCompileFault>(() => Model(FaultPrefix + "eager", ScoringCompilationMode.Eager));
        Assert.Equal(FaultPrefix + "eager", fault.ModelName);
    }

    [Fact]
    public void WithCompilation_UndefinedMode_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ScoringModelBuilder().WithCompilation((ScoringCompilationMode)7));
    }

    private static void FailFaultModels(ScoringModel model)
    {
        if (model.Name.StartsWith(FaultPrefix, StringComparison.Ordinal))
        {
            throw new ForcedCompileFault(model.Name);
        }
    }

    private static ScoringModel Model(string name, ScoringCompilationMode? mode)
    {
        var builder = new ScoringModelBuilder()
            .WithName(name)
            .AddRule(SalesRules.CompanySize("size", 10, 50, 5000))
            .AddRule(SalesRules.EmailDomain("email", 5, -5))
            .AddRule(SalesRules.Signal("views", Abstractions.Engagement.EngagementSignalKind.PageView, 1, maxOccurrences: 5))
            .AddRule(SalesRules.Inactivity("quiet", 30, -10));
        if (mode is { } m)
        {
            builder.WithCompilation(m);
        }

        return builder.Build();
    }

    private sealed class ForcedCompileFault(string modelName) : Exception("A compile failure forced by a test.")
    {
        public string ModelName { get; } = modelName;
    }
}
