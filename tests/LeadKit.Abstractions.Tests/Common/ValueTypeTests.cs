using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadKit.Abstractions.Common;

namespace LeadKit.Abstractions.Tests.Common;

public sealed class ValueTypeTests
{
    [Theory]
    [InlineData("eur")]
    [InlineData("EURO")]
    [InlineData("E1R")]
    [InlineData("")]
    public void CurrencyCode_Malformed_ThrowsWithTheRuleNotTheValue(string code)
    {
        // The refused text is untrusted input (it can be anything a user typed), so the message states the rule only.
        var ex = Assert.Throws<ArgumentException>(() => new CurrencyCode(code));
        Assert.Equal("value", ex.ParamName);
        Assert.Contains("three upper-case ASCII letters (ISO 4217)", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain($"'{code}'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CurrencyCode_WellKnown_EqualsParsed()
        => Assert.Equal(CurrencyCode.Brl, new CurrencyCode("BRL"));

    [Theory]
    [InlineData("br")]
    [InlineData("BRA")]
    public void CountryCode_Malformed_Throws(string code)
        => Assert.Equal("value", Assert.Throws<ArgumentException>(() => new CountryCode(code)).ParamName);

    [Property]
    public bool Money_NegativeAmount_IsAlwaysRejected(NegativeInt units)
        => Record.Exception(() => new Money(units.Get / 100m, CurrencyCode.Eur)) is ArgumentOutOfRangeException { ParamName: "amount" };

    [Fact]
    public void Money_UnsetCurrency_ThrowsNamingCurrency()
        => Assert.Equal("currency", Assert.Throws<ArgumentException>(() => new Money(10m, default)).ParamName);

    [Fact]
    public void Money_ToString_IsInvariant()
        => Assert.Equal("1250.50 EUR", new Money(1250.50m, CurrencyCode.Eur).ToString());

    [Theory]
    [InlineData("ana@example.com", "example.com")]
    [InlineData("Ana.Silva+leads@Mail.Example.COM.BR", "mail.example.com.br")]
    public void EmailAddress_WellFormed_ExposesLowerCaseDomain(string address, string domain)
        => Assert.Equal(domain, new EmailAddress(address).Domain);

    [Theory]
    [InlineData("ana.example.com")]
    [InlineData("ana@@example.com")]
    [InlineData("@example.com")]
    [InlineData("ana@example")]
    [InlineData("ana@example.")]
    [InlineData("ana@.example.com")]
    [InlineData("ana silva@example.com")]
    [InlineData("ana@exa..mple.com")]
    public void EmailAddress_Malformed_ThrowsWithoutRepeatingTheAddress(string address)
    {
        var ex = Assert.Throws<ArgumentException>(() => new EmailAddress(address));
        Assert.Equal("value", ex.ParamName);
        Assert.DoesNotContain(address, ex.Message, StringComparison.Ordinal);
    }

    [Property(Arbitrary = [typeof(Arbitraries)])]
    public bool EmailAddress_WithoutExactlyOneAt_IsAlwaysRejected(AtFreeText text)
        => Record.Exception(() => new EmailAddress(text.Value)) is ArgumentException;

    public sealed record AtFreeText(string Value);

    public static class Arbitraries
    {
        public static Arbitrary<AtFreeText> AtFreeText() =>
            ArbMap.Default.GeneratorFor<NonNull<string>>()
                .Select(s => new AtFreeText(s.Get.Replace("@", string.Empty, StringComparison.Ordinal)))
                .ToArbitrary();
    }
}
