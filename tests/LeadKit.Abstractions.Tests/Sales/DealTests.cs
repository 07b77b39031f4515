using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadKit.Abstractions.Common;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Abstractions.Sales;

namespace LeadKit.Abstractions.Tests.Sales;

public sealed class DealTests
{
    private static readonly DateTimeOffset Opened = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Money Value = new(12_000m, CurrencyCode.Brl);

    [Fact]
    public void Deal_WonWithCloseDate_KeepsEverything()
    {
        var deal = new Deal(new DealId("D1"), Value, Opened, DealStatus.Won, Opened.AddDays(14), new LeadId("L1"), new SalesRepId("rep-1"));

        Assert.Equal(DealStatus.Won, deal.Status);
        Assert.Equal(Opened.AddDays(14), deal.ClosedAt);
        Assert.Equal("L1", deal.LeadId!.Value.Value);
    }

    [Fact]
    public void Deal_OpenWithCloseDate_ThrowsNamingClosedAt()
        => Assert.Equal("closedAt", Assert.Throws<ArgumentException>(() => new Deal(new DealId("D1"), Value, Opened, DealStatus.Open, Opened.AddDays(1))).ParamName);

    [Theory]
    [InlineData(DealStatus.Won)]
    [InlineData(DealStatus.Lost)]
    public void Deal_ClosedWithoutCloseDate_ThrowsNamingClosedAt(DealStatus status)
        => Assert.Equal("closedAt", Assert.Throws<ArgumentException>(() => new Deal(new DealId("D1"), Value, Opened, status)).ParamName);

    [Property]
    public bool Deal_ClosedBeforeOpened_IsAlwaysRejected(PositiveInt minutes, bool won)
    {
        var ex = Record.Exception(() => new Deal(new DealId("D1"), Value, Opened, won ? DealStatus.Won : DealStatus.Lost, Opened.AddMinutes(-minutes.Get)));
        return ex is ArgumentException { ParamName: "closedAt" } && !ex.Message.Contains("D1", StringComparison.Ordinal);
    }

    [Fact]
    public void Deal_LostReasonOnWonDeal_ThrowsNamingLostReason()
        => Assert.Equal("lostReason", Assert.Throws<ArgumentException>(() => new Deal(new DealId("D1"), Value, Opened, DealStatus.Won, Opened, lostReason: "price")).ParamName);

    [Fact]
    public void Deal_UnsetValue_ThrowsNamingValue()
        => Assert.Equal("value", Assert.Throws<ArgumentException>(() => new Deal(new DealId("D1"), default, Opened, DealStatus.Open)).ParamName);

    [Fact]
    public void Deal_UndefinedStatus_ThrowsNamingStatus()
        => Assert.Equal("status", Assert.Throws<ArgumentOutOfRangeException>(() => new Deal(new DealId("D1"), Value, Opened, (DealStatus)9)).ParamName);

    [Property(Arbitrary = [typeof(Arbitraries)])]
    public bool Deal_EqualityAndHashCode_AreConsistent(Deal deal)
    {
        var copy = new Deal(deal.Id, deal.Value, deal.OpenedAt, deal.Status, deal.ClosedAt, deal.LeadId, deal.OwnerId, deal.AccountId, deal.LostReason);
        return copy == deal && copy.GetHashCode() == deal.GetHashCode();
    }

    [Fact]
    public void SalesRep_BlankName_ThrowsNamingName()
        => Assert.Equal("Name", Assert.Throws<ArgumentException>(() => new SalesRep { Id = new SalesRepId("r1"), Name = " " }).ParamName);

    [Fact]
    public void SalesRep_JsonWithoutIsActiveOrWeight_KeepsTheDocumentedDefaults()
    {
        var rep = LeadKit.Abstractions.Serialization.LeadKitJson.DeserializeSalesRep("""{"id":"r1","name":"Ana"}""");
        Assert.True(rep.IsActive);
        Assert.Equal(1, rep.Weight);
    }

    [Fact]
    public void SalesRep_JsonRoundTrip_KeepsInactiveFlag()
    {
        var rep = new SalesRep { Id = new SalesRepId("r1"), Name = "Ana", IsActive = false };
        Assert.Equal(rep, LeadKit.Abstractions.Serialization.LeadKitJson.DeserializeSalesRep(LeadKit.Abstractions.Serialization.LeadKitJson.Serialize(rep)));
    }

    public static class Arbitraries
    {
        public static Arbitrary<Deal> Deal() => DomainGenerators.Deal.ToArbitrary();
    }
}
