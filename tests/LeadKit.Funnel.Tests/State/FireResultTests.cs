using LeadKit.Funnel.State;

namespace LeadKit.Funnel.Tests.State;

public sealed class FireResultTests
{
    [Fact]
    public void Default_IsNotAccepted()
    {
        var result = default(FireResult);

        Assert.False(result.IsAccepted);
        Assert.NotEqual(FireOutcome.Accepted, result.Outcome);
        Assert.Null(result.Change);
    }

    [Fact]
    public void FireOutcome_NoDefinedValueMeaningSuccessIsZero()
    {
        Assert.False(Enum.IsDefined((FireOutcome)0) && (FireOutcome)0 == FireOutcome.Accepted);
        Assert.NotEqual(0, (int)FireOutcome.Accepted);
    }
}
