using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadKit.Abstractions.Engagement;
using LeadKit.Abstractions.Funnel;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Sales;
using LeadKit.Abstractions.Serialization;
using LeadKit.Testing;

namespace LeadKit.Abstractions.Tests.Serialization;

public sealed class LeadKitJsonTests
{
    private const string ValidLead = """
        {"id":"L1","createdAt":"2026-05-01T10:00:00+00:00","source":"referral",
         "contact":{"email":"ana@example.com","seniority":"Director"},
         "company":{"employeeCount":120,"country":"BR"},
         "timeframe":{"kind":"WithinDays","days":60},
         "signals":[{"kind":"demo_requested","occurredAt":"2026-05-02T10:00:00+00:00"}],
         "customFields":[{"key":"plan","value":{"text":"pro"}}]}
        """;

    [Property(Arbitrary = [typeof(Arbitraries)])]
    public bool Lead_RoundTrip_GivesAnEqualLead(Lead lead)
        => LeadKitJson.DeserializeLead(LeadKitJson.Serialize(lead)) == lead;

    [Property(Arbitrary = [typeof(Arbitraries)])]
    public bool Deal_RoundTrip_GivesAnEqualDeal(Deal deal)
        => LeadKitJson.DeserializeDeal(LeadKitJson.Serialize(deal)) == deal;

    [Property(Arbitrary = [typeof(Arbitraries)])]
    public bool StageChange_RoundTrip_GivesAnEqualChange(StageChange change)
        => LeadKitJson.DeserializeStageChange(LeadKitJson.Serialize(change)) == change;

    [Property(Arbitrary = [typeof(Arbitraries)])]
    public bool Lead_RoundTrip_PreservesOffsetsAndSignalOrder(Lead lead)
    {
        var copy = LeadKitJson.DeserializeLead(LeadKitJson.Serialize(lead));
        return copy.CreatedAt.Offset == lead.CreatedAt.Offset
            && copy.Signals.Select(s => (s.Kind, s.OccurredAt.Offset)).SequenceEqual(lead.Signals.Select(s => (s.Kind, s.OccurredAt.Offset)));
    }

    [Fact]
    public void DeserializeLead_ValidDocument_ReadsEveryPart()
    {
        var lead = LeadKitJson.DeserializeLead(ValidLead);

        Assert.Equal("L1", lead.Id.Value);
        Assert.Equal(Sources.LeadSource.Referral, lead.Source);
        Assert.Equal("example.com", lead.Contact.Email!.Value.Domain);
        Assert.Equal(Seniority.Director, lead.Contact.Seniority);
        Assert.Equal(PurchaseTimeframe.WithinDays(60), lead.Timeframe);
        Assert.Equal(EngagementSignalKind.DemoRequested, Assert.Single(lead.Signals).Kind);
        Assert.True(lead.TryGetCustomField(new CustomFieldKey("plan"), out var plan));
        Assert.Equal("pro", plan.Text);
    }

    [Theory]
    [InlineData("\"seniority\":\"Director\"", "\"seniority\":\"Wizard\"", "$.contact.seniority")]
    [InlineData("\"seniority\":\"Director\"", "\"seniority\":3", "$.contact.seniority")]
    [InlineData("\"ana@example.com\"", "\"ana.example.com\"", "$.contact.email")]
    [InlineData("\"country\":\"BR\"", "\"country\":\"Brazil\"", "$.company.country")]
    [InlineData("\"source\":\"referral\"", "\"source\":\"Referral Program\"", "$.source")]
    [InlineData("\"kind\":\"demo_requested\"", "\"kind\":\"\"", "$.signals[0].kind")]
    [InlineData("{\"text\":\"pro\"}", "{\"colour\":\"pro\"}", "$.customFields[0].value")]
    [InlineData("\"days\":60", "\"days\":\"60\"", "$.timeframe.days")]
    public void DeserializeLead_BadValue_ThrowsJsonExceptionNamingThePath(string valid, string invalid, string path)
    {
        var json = ValidLead.Replace(valid, invalid, StringComparison.Ordinal);
        Assert.NotEqual(ValidLead, json);

        var ex = Assert.Throws<JsonException>(() => LeadKitJson.DeserializeLead(json));

        Assert.StartsWith(path, ex.Path, StringComparison.Ordinal);
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"employeeCount\":120", "\"employeeCount\":-5", "EmployeeCount")]
    [InlineData("\"days\":60", "\"days\":0", "days")]
    [InlineData("\"createdAt\":\"2026-05-01T10:00:00+00:00\"", "\"createdAt\":\"0001-01-01T00:00:00+00:00\"", "CreatedAt")]
    public void DeserializeLead_ValueTheModelRejects_ThrowsJsonExceptionNamingTheProperty(string valid, string invalid, string property)
    {
        var json = ValidLead.Replace(valid, invalid, StringComparison.Ordinal);
        Assert.NotEqual(ValidLead, json);

        var ex = Assert.Throws<JsonException>(() => LeadKitJson.DeserializeLead(json));

        Assert.Contains(property, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DeserializeLead_MissingRequiredProperty_ThrowsJsonExceptionNamingIt()
    {
        var json = ValidLead.Replace("\"id\":\"L1\",", string.Empty, StringComparison.Ordinal);

        var ex = Assert.Throws<JsonException>(() => LeadKitJson.DeserializeLead(json));

        Assert.Contains("id", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DeserializeLead_UnknownProperty_ThrowsJsonException()
    {
        var json = ValidLead.Replace("\"id\":\"L1\",", "\"id\":\"L1\",\"score\":99,", StringComparison.Ordinal);

        var ex = Assert.Throws<JsonException>(() => LeadKitJson.DeserializeLead(json));

        Assert.Contains("score", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DeserializeDeal_ClosedBeforeOpened_ThrowsJsonExceptionNamingClosedAt()
    {
        const string json = """{"id":"D1","value":{"amount":10,"currency":"EUR"},"openedAt":"2026-05-10T00:00:00+00:00","status":"Won","closedAt":"2026-05-01T00:00:00+00:00"}""";

        var ex = Assert.Throws<JsonException>(() => LeadKitJson.DeserializeDeal(json));

        Assert.Contains("closedAt", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DeserializeLead_Null_ThrowsJsonException()
        => Assert.Throws<JsonException>(() => LeadKitJson.DeserializeLead("null"));

    [Property(MaxTest = 300, Arbitrary = [typeof(Arbitraries)])]
    public bool DeserializeLead_ArbitraryText_OnlyEverThrowsJsonException(MangledJson input)
    {
        try
        {
            LeadKitJson.DeserializeLead(input.Text);
            return true;
        }
        catch (JsonException)
        {
            return true;
        }
    }

    [Fact]
    public void Serialize_LeadFromBuilder_IsCamelCaseWithEnumNames()
    {
        var lead = LeadBuilder.New("L9").WithContact(seniority: Seniority.CLevel).Build();

        var json = LeadKitJson.Serialize(lead);

        Assert.Contains("\"seniority\":\"cLevel\"", json, StringComparison.Ordinal);
        Assert.Contains("\"id\":\"L9\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("confirmedCount", json, StringComparison.Ordinal);
    }

    /// <summary>A valid lead document with one random edit: a deleted span, a duplicated span or a replaced character.</summary>
    public sealed record MangledJson(string Text);

    public static class Arbitraries
    {
        public static Arbitrary<Lead> Lead() => DomainGenerators.Lead.ToArbitrary();

        public static Arbitrary<Deal> Deal() => DomainGenerators.Deal.ToArbitrary();

        public static Arbitrary<StageChange> StageChange() => DomainGenerators.StageChange.ToArbitrary();

        public static Arbitrary<MangledJson> MangledJson() =>
            (from lead in DomainGenerators.Lead
             let json = LeadKitJson.Serialize(lead)
             from start in Gen.Choose(0, json.Length - 1)
             from length in Gen.Choose(1, Math.Min(12, json.Length - start))
             from edit in Gen.Choose(0, 2)
             from replacement in Gen.Elements('"', '{', '}', '[', ']', ',', ':', '1', 'x', '-', '\\', ' ')
             select new MangledJson(edit switch
             {
                 0 => json.Remove(start, length),
                 1 => json.Insert(start, json.Substring(start, length)),
                 _ => json.Remove(start, 1).Insert(start, replacement.ToString()),
             })).ToArbitrary();
    }
}
