using LeadKit.Abstractions.Configuration;
using LeadKit.Abstractions.Funnel;
using LeadKit.Funnel.Definitions;

namespace LeadKit.Funnel.Tests.Definitions;

public sealed class FunnelDefinitionBuilderTests
{
    private static readonly FunnelStage Applied = new("applied");
    private static readonly FunnelStage Screened = new("screened");
    private static readonly FunnelStage Orphan = new("orphan");
    private static readonly FunnelStage Limbo = new("limbo");
    private static readonly FunnelTrigger Screen = new("screen");

    [Fact]
    public void Build_DefinitionWithManyProblems_ReportsEveryProblemAtOnce()
    {
        var builder = new FunnelDefinitionBuilder()
            .StartAt(FunnelStage.Suspect)
            .MainPath(FunnelStage.Suspect, FunnelStage.Lead, FunnelStage.Mql);
        builder.Configure(FunnelStage.Suspect)
            .Permit(FunnelTrigger.Qualify, FunnelStage.Lead)
            .Permit(FunnelTrigger.Qualify, FunnelStage.Lead)
            .Permit(FunnelTrigger.Disqualify, FunnelStage.Lead)
            .Permit(FunnelTrigger.Disqualify, FunnelStage.Mql);
        builder.Configure(FunnelStage.Lead)
            .PermitIf(FunnelTrigger.Qualify, FunnelStage.Mql, static (in FunnelGuardContext _) => true, "  ")
            .Permit(FunnelTrigger.Reopen, FunnelStage.Suspect)
            .Permit(FunnelTrigger.Nurture, FunnelStage.Lead)
            .MaxTimeInStage(TimeSpan.Zero);
        builder.Configure(Orphan).Permit(Screen, FunnelStage.Mql);

        var error = Assert.Throws<ConfigurationException>(() => builder.Build());

        string[] expected =
        [
            "Stage 'suspect', trigger 'qualify': duplicate transition to 'lead' (permitted more than once).",
            "Stage 'suspect', trigger 'disqualify': conflicting transitions to 'lead' and 'mql'; a trigger leads to one stage.",
            "Stage 'lead': MaxTimeInStage must be positive (was 00:00:00).",
            "Stage 'lead', trigger 'qualify': guard 1 has no description; say what it requires (it is shown when the guard is unmet).",
            "Stage 'lead', trigger 'reopen': goes backward along the main path to 'suspect'; declare it with PermitBackward so it is audited.",
            "Stage 'lead', trigger 'nurture': leads back to the same stage; a transition must change the stage.",
            "Stage 'mql' is a dead end: it permits no transition and is not terminal.",
            "No terminal stage: mark at least one stage Terminal() (e.g. customer, lost, disqualified).",
            "Stage 'orphan' is unreachable from the initial stage 'suspect'.",
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), error.Problems.Select(p => p.Message).Order(StringComparer.Ordinal));
        foreach (var problem in expected)
        {
            Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        }

        // Each problem has the path and code the JSON form would have.
        Assert.Contains(new ConfigurationProblem("$.stages.suspect.transitions.qualify", ConfigurationProblemCodes.DuplicateName, expected[0]), error.Problems);
        Assert.Contains(new ConfigurationProblem("$.stages.suspect.transitions.disqualify", ConfigurationProblemCodes.Conflict, expected[1]), error.Problems);
        Assert.Contains(new ConfigurationProblem("$.stages.lead.maxTimeInStageHours", ConfigurationProblemCodes.OutOfRange, expected[2]), error.Problems);
        Assert.Contains(new ConfigurationProblem("$.stages.lead.transitions.qualify.guards[0]", ConfigurationProblemCodes.Required, expected[3]), error.Problems);
        Assert.Contains(new ConfigurationProblem("$.stages.lead.transitions.reopen.backward", ConfigurationProblemCodes.Conflict, expected[4]), error.Problems);
        Assert.Contains(new ConfigurationProblem("$.stages.lead.transitions.nurture.to", ConfigurationProblemCodes.InvalidValue, expected[5]), error.Problems);
        Assert.Contains(new ConfigurationProblem("$.stages.mql.transitions", ConfigurationProblemCodes.Required, expected[6]), error.Problems);
        Assert.Contains(new ConfigurationProblem("$.stages", ConfigurationProblemCodes.Required, expected[7]), error.Problems);
        Assert.Contains(new ConfigurationProblem("$.stages.orphan", ConfigurationProblemCodes.InvalidValue, expected[8]), error.Problems);
    }

    [Fact]
    public void Build_NoInitialStageNullGuardAndTerminalWithTransitions_AreReported()
    {
        var builder = new FunnelDefinitionBuilder();
        builder.Configure(Applied).Terminal().Permit(Screen, Screened).PermitIf(FunnelTrigger.Qualify, Limbo, [null!]);
        builder.Configure(Screened).MaxTimeInStage(TimeSpan.FromHours(1)).Terminal();
        builder.Configure(Limbo).PermitIf(Screen, Screened, null!, "needs a predicate");

        var problems = Assert.Throws<ConfigurationException>(() => builder.Build()).Problems.Select(p => p.Message).ToArray();

        Assert.Contains("No initial stage: call StartAt(stage) (JSON: initialStage).", problems);
        Assert.Contains("Stage 'applied' is terminal but permits 2 transition(s); a terminal stage permits none.", problems);
        Assert.Contains("Stage 'applied', trigger 'qualify': guard 1 is null.", problems);
        Assert.Contains("Stage 'limbo', trigger 'screen': guard 1 has no predicate.", problems);
        Assert.Contains("Stage 'screened' is terminal and cannot have a MaxTimeInStage (SLA).", problems);
        Assert.Equal(5, problems.Length);
    }

    [Fact]
    public void Build_BackwardEdgeDeclaredWithPermitBackward_IsAccepted()
    {
        var builder = new FunnelDefinitionBuilder()
            .StartAt(Applied)
            .MainPath(Applied, Screened);
        builder.Configure(Applied).Permit(Screen, Screened);
        builder.Configure(Screened).PermitBackward(FunnelTrigger.Reopen, Applied).Permit(FunnelTrigger.Win, FunnelStage.Customer);
        builder.Configure(FunnelStage.Customer).Terminal();

        var definition = builder.Build();

        Assert.Equal([Applied, Screened, FunnelStage.Customer], definition.Stages.ToArray());
        Assert.Equal(3, definition.Transitions.Length);
        Assert.True(definition.TransitionsFrom(Screened)[0].IsBackward);
        Assert.Equal("screened --reopen--> applied", definition.TransitionsFrom(Screened)[0].ToString());
    }

    [Fact]
    public void Build_AfterBuild_BuilderAndStageConfigurationsAreLocked()
    {
        var builder = new FunnelDefinitionBuilder().StartAt(Applied);
        var applied = builder.Configure(Applied).Permit(Screen, Screened);
        builder.Configure(Screened).Terminal();
        builder.Build();

        Assert.Throws<InvalidOperationException>(() => builder.Build());
        Assert.Throws<InvalidOperationException>(() => builder.Configure(Limbo));
        Assert.Throws<InvalidOperationException>(() => builder.StartAt(Screened));
        Assert.Throws<InvalidOperationException>(() => applied.Permit(FunnelTrigger.Win, Limbo));
        Assert.Throws<InvalidOperationException>(() => applied.OnEntry(static _ => { }));
    }

    [Fact]
    public void Configure_UnsetStageOrTrigger_ThrowsNamingTheParameter()
    {
        var builder = new FunnelDefinitionBuilder();

        Assert.Equal("stage", Assert.Throws<ArgumentException>(() => builder.Configure(default)).ParamName);
        Assert.Equal("trigger", Assert.Throws<ArgumentException>(() => builder.Configure(Applied).Permit(default, Screened)).ParamName);
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => builder.Configure(Applied).Permit(Screen, default)).ParamName);
    }

    [Fact]
    public void Build_OverrideAuthorizerWithoutDescription_IsReported()
    {
        var builder = new FunnelDefinitionBuilder().StartAt(Applied).AuthorizeOverrides(static (_, _, _) => true, "");
        builder.Configure(Applied).Permit(Screen, Screened);
        builder.Configure(Screened).Terminal();

        var problems = Assert.Throws<ConfigurationException>(() => builder.Build()).Problems.Select(p => p.Message);

        Assert.Equal(["AuthorizeOverrides: the authorizer has no description (say who may override)."], problems.ToArray());
    }
}
