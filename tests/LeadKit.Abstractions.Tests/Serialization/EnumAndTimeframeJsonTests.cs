using System.Text.Json;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Sales;
using LeadKit.Abstractions.Serialization;
using LeadKit.Testing;

namespace LeadKit.Abstractions.Tests.Serialization;

/// <summary>One enum spelling (camelCase, as the rule sets write it) when writing; any letter case when reading.</summary>
public sealed class EnumAndTimeframeJsonTests
{
    private const string Lead = """{"id":"L1","createdAt":"2026-05-01T10:00:00+00:00","source":"referral",TIMEFRAME"contact":{"seniority":"SENIORITY"}}""";

    private static string With(string seniority, string timeframe = "")
        => Lead.Replace("SENIORITY", seniority, StringComparison.Ordinal).Replace("TIMEFRAME", timeframe, StringComparison.Ordinal);

    [Fact]
    public void Serialize_Enums_AreCamelCase()
    {
        var lead = LeadBuilder.New("L9").WithContact(seniority: Seniority.VicePresident).Build() with { Timeframe = PurchaseTimeframe.WithinDays(30) };

        var json = LeadKitJson.Serialize(lead);

        Assert.Contains("\"seniority\":\"vicePresident\"", json, StringComparison.Ordinal);
        Assert.Contains("\"kind\":\"withinDays\"", json, StringComparison.Ordinal);
        Assert.Contains("\"status\":\"won\"", LeadKitJson.Serialize(new Deal(new("D1"), new(1m, LeadKit.Abstractions.Common.CurrencyCode.Eur), lead.CreatedAt, DealStatus.Won, lead.CreatedAt)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("vicePresident")]
    [InlineData("VicePresident")]
    [InlineData("VICEPRESIDENT")]
    public void DeserializeLead_EnumInAnyCase_IsRead(string spelling)
        => Assert.Equal(Seniority.VicePresident, LeadKitJson.DeserializeLead(With(spelling)).Contact.Seniority);

    [Theory]
    [InlineData("Wizard")]
    [InlineData("3")]
    [InlineData("vicePresident, director")]
    [InlineData("vice_president")]
    public void DeserializeLead_UnknownEnumName_IsAJsonExceptionWithThePath(string spelling)
        => Assert.Equal("$.contact.seniority", Assert.Throws<JsonException>(() => LeadKitJson.DeserializeLead(With(spelling))).Path);

    [Theory]
    [InlineData("""{"kind":"immediate"}""")]
    [InlineData("""{"kind":"Immediate","days":0}""")]
    public void DeserializeLead_ImmediateWithoutDays_IsImmediate(string timeframe)
        => Assert.Equal(PurchaseTimeframe.Immediate, LeadKitJson.DeserializeLead(With("director", $"\"timeframe\":{timeframe},")).Timeframe);

    [Fact]
    public void DeserializeLead_NotStatedWithoutDays_IsNotStated()
        => Assert.Equal(PurchaseTimeframe.NotStated, LeadKitJson.DeserializeLead(With("director", "\"timeframe\":{\"kind\":\"notStated\"},")).Timeframe);

    [Fact]
    public void DeserializeLead_WithinDaysWithoutDays_IsRefusedNamingDays()
        => Assert.Contains("days", Assert.Throws<JsonException>(() => LeadKitJson.DeserializeLead(With("director", "\"timeframe\":{\"kind\":\"withinDays\"},"))).Message, StringComparison.Ordinal);

    [Fact]
    public void PurchaseTimeframe_ToString_IsReadable()
        => Assert.Equal(
            ["not stated", "immediate", "within 1 day", "within 30 days"],
            [PurchaseTimeframe.NotStated.ToString(), PurchaseTimeframe.Immediate.ToString(), PurchaseTimeframe.WithinDays(1).ToString(), PurchaseTimeframe.WithinDays(30).ToString()]);
}
