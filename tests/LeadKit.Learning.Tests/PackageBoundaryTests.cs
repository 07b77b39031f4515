using System.Reflection;
using System.Runtime.CompilerServices;
using LeadKit.Learning.Scorecards;
using LeadKit.Scoring.Model;

namespace LeadKit.Learning.Tests;

public sealed class PackageBoundaryTests
{
    [Fact]
    public void Scoring_DoesNotOpenItsInternalsToLearning()
    {
        // Learning must build on Scoring's public API alone: no InternalsVisibleTo between shipped packages.
        var friends = typeof(ScoringModel).Assembly.GetCustomAttributes<InternalsVisibleToAttribute>().Select(a => a.AssemblyName);

        Assert.DoesNotContain(friends, name => name.StartsWith("LeadKit.Learning", StringComparison.Ordinal));
    }

    [Fact]
    public void Learning_ReferencesScoringAndAbstractionsOnlyAmongLeadKitPackages()
    {
        var references = typeof(LearnedScorecard).Assembly.GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("LeadKit.", StringComparison.Ordinal));

        Assert.Equal(["LeadKit.Abstractions", "LeadKit.Scoring"], references.Order(StringComparer.Ordinal));
    }
}
