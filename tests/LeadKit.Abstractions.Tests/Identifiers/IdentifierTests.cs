using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadKit.Abstractions.Identifiers;

namespace LeadKit.Abstractions.Tests.Identifiers;

public sealed class IdentifierTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("a\tb")]
    [InlineData("line\nbreak")]
    public void LeadId_Invalid_ThrowsWithTheValue(string text)
    {
        var ex = Assert.Throws<ArgumentException>(() => new LeadId(text));
        Assert.Equal("value", ex.ParamName);
        Assert.Contains("LeadId", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LeadId_TooLong_Throws()
        => Assert.Throws<ArgumentException>(() => new DealId(new string('x', 129)));

    [Fact]
    public void LeadId_Null_ThrowsArgumentNull()
        => Assert.Throws<ArgumentNullException>(() => new SalesRepId(null!));

    [Fact]
    public void Default_IsDefaultAndPrintsEmpty()
    {
        Assert.True(default(AccountId).IsDefault);
        Assert.Equal(string.Empty, default(SalesTeamId).ToString());
    }

    [Property(Arbitrary = [typeof(Arbitraries)])]
    public bool LeadId_EqualityIsOrdinalOnTheText(IdPair pair)
    {
        var a = new LeadId(pair.A);
        var b = new LeadId(pair.B);
        return (a == b) == string.Equals(pair.A, pair.B, StringComparison.Ordinal)
            && (a != b || a.GetHashCode() == b.GetHashCode());
    }

    public sealed record IdPair(string A, string B);

    public static class Arbitraries
    {
        public static Arbitrary<IdPair> IdPair() =>
            Gen.OneOf(
                DomainGenerators.IdText.Two().Select(t => new IdPair(t.Item1, t.Item2)),
                DomainGenerators.IdText.Select(t => new IdPair(t, t)),
                DomainGenerators.IdText.Select(t => new IdPair(t, t.ToUpperInvariant())))
            .ToArbitrary();
    }
}
