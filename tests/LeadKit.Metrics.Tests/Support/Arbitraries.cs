using FsCheck;
using FsCheck.Fluent;

namespace LeadKit.Metrics.Tests.Support;

/// <summary>FsCheck generators shared by the report property tests.</summary>
public static class Arbitraries
{
    public static Arbitrary<Scenario> Scenario() =>
        Gen.Choose(0, int.MaxValue)
            .SelectMany(seed => Gen.Choose(0, 120).Select(size => new Scenario(seed, size)))
            .ToArbitrary();
}
