using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadKit.Abstractions.Common;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Sales;
using LeadKit.Abstractions.Serialization;
using LeadKit.Abstractions.Sources;

namespace LeadKit.Abstractions.Tests.Common;

/// <summary>
/// Personal data (names, e-mail addresses, phones, free text, ids — apps use e-mail addresses as ids) never reaches
/// an exception message or the <c>ToString()</c> of a domain type, whether the value was accepted or refused.
/// </summary>
public sealed class PersonalDataTests
{
    private static readonly DateTimeOffset Created = new(2026, 5, 1, 10, 0, 0, TimeSpan.Zero);

    /// <summary>A marker no message or format writes by itself: every generated personal value contains it.</summary>
    public sealed record Marker(string Text)
    {
        public string Email => $"{Text}@{Text}.example";

        public string Phone => "+55 11 " + string.Concat(Text.Where(char.IsAsciiDigit)).PadLeft(3, '7');

        public override string ToString() => Text;
    }

    public static class Arbitraries
    {
        public static Arbitrary<Marker> Marker() =>
            (from letters in Gen.ArrayOf(Gen.Elements("qwxzjkvy".ToCharArray()), 6)
             from digits in Gen.Choose(100_000, 999_999)
             select new Marker(new string(letters) + digits.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToArbitrary();
    }

    private static Lead LeadOf(Marker m) => new()
    {
        Id = new LeadId(m.Email),
        CreatedAt = Created,
        Source = LeadSource.Referral,
        Contact = new ContactInfo { FirstName = m.Text, LastName = m.Text, Email = new EmailAddress(m.Email), Phone = m.Phone, JobTitle = m.Text },
        Company = new CompanyInfo { Name = m.Text, Domain = $"{m.Text}.example", Region = m.Text, Industry = "software", Country = new CountryCode("BR") },
        CustomFields = [new CustomField(new CustomFieldKey("note"), CustomFieldValue.FromText(m.Text))],
        OwnerId = new SalesRepId(m.Email),
        AccountId = new AccountId(m.Email),
    };

    private static bool Clean(string? text, Marker m)
        => text is not null && !text.Contains(m.Text, StringComparison.OrdinalIgnoreCase)
            && !text.Contains(m.Phone, StringComparison.Ordinal);

    private static string MessageOf(Action action)
    {
        try
        {
            action();
        }
        catch (Exception ex) when (ex is ArgumentException or JsonException)
        {
            return ex.ToString().Split(Environment.NewLine + "   at ", StringSplitOptions.None)[0];
        }

        throw new InvalidOperationException("The action was expected to throw.");
    }

    [Property(Arbitrary = [typeof(Arbitraries)])]
    public bool ToString_OfEveryCompositeDomainType_HasNoPersonalValue(Marker m)
    {
        var lead = LeadOf(m);
        var deal = new Deal(new DealId(m.Email), new Money(10m, CurrencyCode.Eur), Created, DealStatus.Lost, Created.AddDays(1), lead.Id, new SalesRepId(m.Email), new AccountId(m.Email), lostReason: m.Text);
        var rep = new SalesRep { Id = new SalesRepId(m.Email), Name = m.Text, Regions = [m.Text] };

        return Clean(lead.ToString(), m) && Clean(lead.Contact.ToString(), m) && Clean(lead.Company!.ToString(), m)
            && Clean(lead.CustomFields[0].ToString(), m) && Clean(deal.ToString(), m) && Clean(rep.ToString(), m);
    }

    [Property(Arbitrary = [typeof(Arbitraries)])]
    public void Messages_OfRefusedValues_HaveNoPersonalValue(Marker m)
    {
        var messages = new[]
        {
            MessageOf(() => _ = new LeadId(m.Email + "\u0007")),
            MessageOf(() => _ = new LeadId(m.Email + new string('x', 200))),
            MessageOf(() => _ = new SalesRepId(m.Email + "\n")),
            MessageOf(() => _ = new AccountId(m.Email + "\n")),
            MessageOf(() => _ = new DealId(m.Email + "\n")),
            MessageOf(() => _ = new SalesTeamId(m.Email + "\n")),
            MessageOf(() => _ = new EmailAddress(m.Text + " @example.com")),
            MessageOf(() => _ = new CountryCode(m.Text)),
            MessageOf(() => _ = new CurrencyCode(m.Text)),
            MessageOf(() => _ = new ContactInfo { Phone = m.Text }),
            MessageOf(() => _ = new ContactInfo { Language = m.Text }),
            MessageOf(() => _ = new ContactInfo { JobTitle = m.Text + new string(' ', 300) + m.Text }),
            MessageOf(() => _ = new ContactInfo { FirstName = m.Text + new string('a', 300) }),
            MessageOf(() => _ = new CompanyInfo { Domain = m.Text + " .com" }),
            MessageOf(() => _ = new CompanyInfo { Industry = m.Text.ToUpperInvariant() }),
            MessageOf(() => _ = new SalesRep { Id = new SalesRepId(m.Email), Name = m.Text, Languages = [m.Text] }),
            MessageOf(() => _ = new SalesRep { Id = new SalesRepId(m.Email), Name = m.Text, Industries = [m.Text + "!"] }),
            MessageOf(() => _ = new Deal(new DealId(m.Email), new Money(1m, CurrencyCode.Eur), Created, DealStatus.Open, Created)),
            MessageOf(() => _ = new Deal(new DealId(m.Email), new Money(1m, CurrencyCode.Eur), Created, DealStatus.Won, Created.AddDays(-1))),
            MessageOf(() => _ = new Deal(new DealId(m.Email), new Money(1m, CurrencyCode.Eur), Created, DealStatus.Won, Created.AddDays(1), lostReason: m.Text)),
            MessageOf(() => _ = LeadOf(m) with { CustomFields = [new CustomField(new CustomFieldKey("note"), CustomFieldValue.FromText(m.Text)), new CustomField(new CustomFieldKey("note"), CustomFieldValue.FromText(m.Text))] }),
            MessageOf(() => LeadKitJson.DeserializeLead(LeadKitJson.Serialize(LeadOf(m)).Replace("\"phone\":\"", $"\"phone\":\"{m.Text}", StringComparison.Ordinal))),
            MessageOf(() => LeadKitJson.DeserializeLead(LeadKitJson.Serialize(LeadOf(m)).Replace("\"domain\":\"", $"\"domain\":\"{m.Text}!", StringComparison.Ordinal))),
            MessageOf(() => LeadKitJson.DeserializeLead(LeadKitJson.Serialize(LeadOf(m)).Replace("\"id\":\"", "\"id\":\"\\u0001", StringComparison.Ordinal))),
            MessageOf(() => LeadKitJson.DeserializeLead(LeadKitJson.Serialize(LeadOf(m)).Replace("\"email\":\"", $"\"email\":\"{m.Text} ", StringComparison.Ordinal))),
            MessageOf(() => LeadKitJson.DeserializeLead(LeadKitJson.Serialize(LeadOf(m)).Replace("{\"text\":", "{\"colour\":", StringComparison.Ordinal))),
            MessageOf(() => LeadKitJson.DeserializeLead(LeadKitJson.Serialize(LeadOf(m)).Replace("\"source\":", $"\"{m.Email}\":1,\"source\":", StringComparison.Ordinal))),
            MessageOf(() => LeadKitJson.DeserializeLead(LeadKitJson.Serialize(LeadOf(m)).Replace("\"contact\":{", $"\"contact\":{{\"{m.Email}\":[1],", StringComparison.Ordinal))),
        };

        Assert.All(messages, message => Assert.True(Clean(message, m), message));
    }

    [Fact]
    public void ToString_OfALead_SaysWhatIsKnownWithoutSayingWho()
    {
        var text = LeadOf(new Marker("qwxzjk123456")).ToString();

        Assert.StartsWith("Lead { CreatedAt = 2026-05-01T10:00:00.0000000+00:00, Source = referral", text, StringComparison.Ordinal);
        Assert.Contains("HasEmail = true", text, StringComparison.Ordinal);
        Assert.Contains("CustomFields = 1", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Guard_MessagesNameTheParameterAndTheRule()
    {
        var error = Assert.Throws<ArgumentException>(() => new ContactInfo { JobTitle = "   " });

        Assert.Equal("JobTitle", error.ParamName);
        Assert.StartsWith("JobTitle must not be empty or white space.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FreeText_LongerThanItsLimit_IsRefusedWithTheLength()
    {
        var error = Assert.Throws<ArgumentException>(() => new ContactInfo { JobTitle = new string('x', ContactInfo.MaximumTextLength + 1) });

        Assert.Contains("at most 256 characters (had 257)", error.Message, StringComparison.Ordinal);
        Assert.Equal(ContactInfo.MaximumTextLength, new ContactInfo { JobTitle = new string('x', ContactInfo.MaximumTextLength) }.JobTitle!.Length);
    }
}
