using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadKit.Abstractions.Engagement;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Sources;
using LeadKit.Testing;

namespace LeadKit.Abstractions.Tests.Leads;

public sealed class LeadTests
{
    [Fact]
    public void Lead_DefaultId_ThrowsNamingId()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Lead { Id = default, CreatedAt = LeadBuilder.Now, Source = LeadSource.Referral });
        Assert.Equal("Id", ex.ParamName);
    }

    [Fact]
    public void Lead_DefaultCreatedAt_ThrowsNamingCreatedAt()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Lead { Id = new LeadId("L1"), CreatedAt = default, Source = LeadSource.Referral });
        Assert.Equal("CreatedAt", ex.ParamName);
    }

    [Fact]
    public void Lead_UnsetSource_ThrowsNamingSource()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Lead { Id = new LeadId("L1"), CreatedAt = LeadBuilder.Now, Source = default });
        Assert.Equal("Source", ex.ParamName);
    }

    [Fact]
    public void Lead_DuplicateCustomFieldKey_ThrowsNamingCustomFields()
    {
        var key = new CustomFieldKey("plan");
        var ex = Assert.Throws<ArgumentException>(() => LeadBuilder.New().Build() with
        {
            CustomFields = [new CustomField(key, CustomFieldValue.FromText("pro")), new CustomField(key, CustomFieldValue.FromText("free"))],
        });
        Assert.Equal("CustomFields", ex.ParamName);
        Assert.Contains("same key more than once (at 0 and 1)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lead_DefaultArrays_AreStoredAsEmpty()
    {
        var lead = LeadBuilder.New().Build() with { Signals = default, CustomFields = default };

        Assert.True(lead.Signals.IsEmpty);
        Assert.True(lead.CustomFields.IsEmpty);
    }

    [Fact]
    public void Lead_NullContactOrBant_IsStoredAsNothingKnown()
    {
        var lead = LeadBuilder.New().WithContact(jobTitle: "CEO").WithFullBant().Build() with { Contact = null!, Bant = null! };

        Assert.Same(ContactInfo.Empty, lead.Contact);
        Assert.Same(BantAssessment.Unknown, lead.Bant);
    }

    [Fact]
    public void TryGetCustomField_PresentAndAbsentKeys_FindsOnlyThePresentOne()
    {
        var lead = LeadBuilder.New().WithField("seats", CustomFieldValue.FromNumber(25)).Build();

        Assert.True(lead.TryGetCustomField(new CustomFieldKey("seats"), out var seats));
        Assert.Equal(25, seats.Number);
        Assert.False(lead.TryGetCustomField(new CustomFieldKey("plan"), out var missing));
        Assert.Equal(CustomFieldValueKind.None, missing.Kind);
    }

    [Fact]
    public void Equals_SameContentInDifferentArrays_AreEqualWithEqualHashCodes()
    {
        var a = LeadBuilder.New("L1").Did(EngagementSignalKind.DemoRequested).Build();
        var b = a with { Signals = [.. a.Signals] };

        Assert.NotSame(a, b);
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    [Property(Arbitrary = [typeof(Arbitraries)])]
    public bool Equals_CopyOfAnyLead_IsEqualWithEqualHashCode(Lead lead)
    {
        var copy = lead with { Signals = [.. lead.Signals], CustomFields = [.. lead.CustomFields] };
        return copy.Equals(lead) && lead.Equals(copy) && copy.GetHashCode() == lead.GetHashCode();
    }

    [Property(Arbitrary = [typeof(Arbitraries)])]
    public bool Equals_LeadWithOneMoreSignal_IsNotEqual(Lead lead)
        => lead != lead with { Signals = lead.Signals.Add(new EngagementSignal(EngagementSignalKind.EmailBounced, LeadBuilder.Now)) };

    [Property(Arbitrary = [typeof(Arbitraries)])]
    public bool Equals_LeadWithAnotherId_IsNotEqual(Lead lead)
        => lead != lead with { Id = new LeadId(lead.Id.Value + "-other") };

    [Property]
    public bool EmployeeCount_Negative_IsAlwaysRejected(NegativeInt count)
    {
        var ex = Record.Exception(() => new CompanyInfo { EmployeeCount = count.Get });
        return ex is ArgumentOutOfRangeException { ParamName: "EmployeeCount" } && ex.Message.Contains(count.Get.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Property]
    public bool Signal_NonFiniteValue_IsAlwaysRejected(bool nan, bool positive)
    {
        var value = nan ? double.NaN : positive ? double.PositiveInfinity : double.NegativeInfinity;
        return Record.Exception(() => new EngagementSignal(EngagementSignalKind.PageView, LeadBuilder.Now, value)) is ArgumentOutOfRangeException { ParamName: "value" };
    }

    [Fact]
    public void Signal_UnsetKindOrTime_Throws()
    {
        Assert.Equal("kind", Assert.Throws<ArgumentException>(() => new EngagementSignal(default, LeadBuilder.Now)).ParamName);
        Assert.Equal("occurredAt", Assert.Throws<ArgumentException>(() => new EngagementSignal(EngagementSignalKind.PageView, default)).ParamName);
    }

    public static class Arbitraries
    {
        public static Arbitrary<Lead> Lead() => DomainGenerators.Lead.ToArbitrary();
    }
}
