using LeadKit.Abstractions.Funnel;
using LeadKit.Funnel.Definitions;
using LeadKit.Funnel.Diagrams;
using static LeadKit.Funnel.Tests.Support.Funnels;

namespace LeadKit.Funnel.Tests.Diagrams;

public sealed class FunnelDiagramsTests
{
    [Fact]
    public void ToMermaid_DefaultFunnelWithGuards_ListsEveryTransitionWithGuardLabels()
    {
        var mermaid = FunnelDiagrams.ToMermaid(Qualified);
        var lines = mermaid.Split('\n');

        Assert.Equal("stateDiagram-v2", lines[0]);
        Assert.Contains("    [*] --> suspect", lines);
        Assert.Contains($"    lead --> mql : qualify [{QualificationGuards.MarketingQualifiedDescription}]", lines);
        Assert.Contains($"    sal --> sql : qualify [{QualificationGuards.SalesQualifiedDescription}]", lines);
        Assert.Contains("    mql --> nurture : reject (backward, reason required)", lines);
        Assert.Contains("    opportunity --> lost : lose", lines);
        Assert.Contains("    customer --> [*]", lines);
        Assert.Contains("    note right of lost : recycled into a new lead starting in lead", lines);
        Assert.Contains("    note left of mql : SLA 48 h", lines);
        Assert.Equal(Qualified.Transitions.Length, lines.Count(l => l.Contains(" --> ", StringComparison.Ordinal) && !l.Contains("[*]", StringComparison.Ordinal)));
    }

    [Fact]
    public void ToDot_DefaultFunnel_IsADirectedGraphWithGuardLabelsAndTerminalNodes()
    {
        var dot = FunnelDiagrams.ToDot(Qualified);
        var lines = dot.Split('\n');

        Assert.Equal("digraph \"funnel\" {", lines[0]);
        Assert.Equal("}", lines[^2]);
        Assert.Contains($"    \"lead\" -> \"mql\" [label=\"qualify [{QualificationGuards.MarketingQualifiedDescription}]\"];", lines);
        Assert.Contains("    \"nurture\" -> \"lead\" [label=\"reopen (backward, reason required)\", style=dashed];", lines);
        Assert.Contains("    \"customer\" [label=\"customer\", shape=doublecircle, style=solid];", lines);
        Assert.Contains("    \"mql\" [label=\"mql\\nSLA 48 h\"];", lines);
        Assert.Contains("    \"__start\" -> \"suspect\";", lines);
        Assert.Equal(Qualified.Transitions.Length, lines.Count(l => l.Contains("\" -> \"", StringComparison.Ordinal) && !l.Contains("__start", StringComparison.Ordinal)));
    }

    [Fact]
    public void Export_GuardDescriptionsWithSyntaxCharacters_AreEscaped()
    {
        var start = new FunnelStage("app.start");
        var builder = new FunnelDefinitionBuilder().StartAt(start);
        builder.Configure(start).PermitIf(FunnelTrigger.Win, FunnelStage.Customer, static (in FunnelGuardContext _) => true, "budget: \"approved\"; #1\nsigned");
        builder.Configure(FunnelStage.Customer).Terminal();
        var definition = builder.Build();

        var mermaid = FunnelDiagrams.ToMermaid(definition);
        var dot = FunnelDiagrams.ToDot(definition);

        Assert.Contains("    state \"app.start\" as app_start", mermaid, StringComparison.Ordinal);
        Assert.Contains("    app_start --> customer : win [budget- 'approved',  1 signed]", mermaid, StringComparison.Ordinal);
        Assert.Contains("[label=\"win [budget: \\\"approved\\\"; #1\\nsigned]\"]", dot, StringComparison.Ordinal);
    }

    [Fact]
    public void ToMermaid_DefaultFunnel_MatchesTheDiagramInTheDocs()
    {
        var docs = File.ReadAllText(Path.Combine(RepoRoot(), "docs", "funnel.md")).ReplaceLineEndings("\n");

        Assert.Contains("```mermaid\n" + FunnelDiagrams.ToMermaid(Qualified) + "```", docs, StringComparison.Ordinal);
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LeadKit.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"LeadKit.sln not found above {AppContext.BaseDirectory}.");
    }
}
