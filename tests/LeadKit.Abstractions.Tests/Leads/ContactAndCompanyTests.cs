using LeadKit.Abstractions.Leads;

namespace LeadKit.Abstractions.Tests.Leads;

public sealed class ContactAndCompanyTests
{
    [Theory]
    [InlineData("12")]
    [InlineData("call me")]
    [InlineData("+55 11 9999-9999 ext 12345678901234")]
    public void ContactInfo_MalformedPhone_ThrowsNamingPhone(string phone)
        => Assert.Equal("Phone", Assert.Throws<ArgumentException>(() => new ContactInfo { Phone = phone }).ParamName);

    [Theory]
    [InlineData("EN")]
    [InlineData("eng")]
    [InlineData("e1")]
    public void ContactInfo_MalformedLanguage_ThrowsNamingLanguage(string language)
    {
        var ex = Assert.Throws<ArgumentException>(() => new ContactInfo { Language = language });
        Assert.Equal("Language", ex.ParamName);
        Assert.DoesNotContain(language, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ContactInfo_BlankName_ThrowsNamingFirstName()
        => Assert.Equal("FirstName", Assert.Throws<ArgumentException>(() => new ContactInfo { FirstName = "  " }).ParamName);

    [Fact]
    public void ContactInfo_UndefinedSeniority_ThrowsNamingSeniority()
        => Assert.Equal("Seniority", Assert.Throws<ArgumentOutOfRangeException>(() => new ContactInfo { Seniority = (Seniority)42 }).ParamName);

    [Theory]
    [InlineData("Example.com")]
    [InlineData("example")]
    [InlineData("exa mple.com")]
    [InlineData(".example.com")]
    public void CompanyInfo_MalformedDomain_ThrowsNamingDomain(string domain)
        => Assert.Equal("Domain", Assert.Throws<ArgumentException>(() => new CompanyInfo { Domain = domain }).ParamName);

    [Fact]
    public void CompanyInfo_IndustryWithCapitals_ThrowsNamingIndustry()
        => Assert.Equal("Industry", Assert.Throws<ArgumentException>(() => new CompanyInfo { Industry = "Software" }).ParamName);

    [Fact]
    public void PurchaseTimeframe_WithinZeroDays_Throws()
        => Assert.Equal("days", Assert.Throws<ArgumentOutOfRangeException>(() => PurchaseTimeframe.WithinDays(0)).ParamName);

    [Fact]
    public void PurchaseTimeframe_ImmediateWithDays_Throws()
        => Assert.Equal("days", Assert.Throws<ArgumentOutOfRangeException>(() => new PurchaseTimeframe(PurchaseTimeframeKind.Immediate, 5)).ParamName);

    [Fact]
    public void PurchaseTimeframe_Default_IsNotStated()
        => Assert.Equal(PurchaseTimeframeKind.NotStated, default(PurchaseTimeframe).Kind);

    [Fact]
    public void BantAssessment_ConfirmedCount_CountsConfirmedCriteria()
    {
        var bant = new BantAssessment { Budget = BantStatus.Confirmed, Authority = BantStatus.NotMet, Need = BantStatus.Confirmed };
        Assert.Equal(2, bant.ConfirmedCount);
    }

    [Fact]
    public void CustomFieldValue_TooLongText_Throws()
        => Assert.Throws<ArgumentException>(() => CustomFieldValue.FromText(new string('x', CustomFieldValue.MaximumTextLength + 1)));

    [Fact]
    public void CustomField_UnsetValue_ThrowsNamingValue()
        => Assert.Equal("value", Assert.Throws<ArgumentException>(() => new CustomField(new CustomFieldKey("plan"), default)).ParamName);
}
