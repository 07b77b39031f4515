using LeadKit.Abstractions.Fields;
using LeadKit.Abstractions.Leads;
using LeadKit.Testing;

namespace LeadKit.Abstractions.Tests.Fields;

public class LeadFieldsTests
{
    private static readonly Lead Lead = LeadBuilder.New()
        .WithContact(email: "ana@gmail.com", jobTitle: "Head of Sales", seniority: Seniority.Director, language: "pt")
        .AtCompany(employees: 250, industry: "software", country: "BR", region: "SP", domain: "firm.example", annualRevenue: 1000)
        .WithTimeframe(PurchaseTimeframe.WithinDays(45))
        .WithBant(BantStatus.Confirmed, BantStatus.Confirmed)
        .Build();

    [Fact]
    public void Names_EveryField_RoundTripsAndHasAType()
    {
        Assert.Equal(Enum.GetValues<LeadField>().Length - 1, LeadFields.All.Length);
        foreach (var field in LeadFields.All)
        {
            Assert.True(LeadFields.TryParse(LeadFields.NameOf(field), out var parsed));
            Assert.Equal(field, parsed);
            Assert.NotEqual(FieldType.None, LeadFields.TypeOf(field));
        }

        Assert.False(LeadFields.TryParse("Company.Industry", out _));
        Assert.Equal(FieldType.None, LeadFields.TypeOf(LeadField.None));
    }

    [Fact]
    public void Operators_EveryFieldOperator_RoundTrips()
    {
        foreach (var name in FieldOperators.Names)
        {
            Assert.True(FieldOperators.TryParse(name, out var op));
            Assert.Equal(name, FieldOperators.NameOf(op));
        }

        Assert.Equal(14, FieldOperators.Names.Length);
        Assert.False(FieldOperators.TryParse("all", out _));
    }

    [Fact]
    public void Read_EveryField_AgreesWithTheTypedReaders()
    {
        foreach (var field in LeadFields.All.Where(f => f != LeadField.Custom))
        {
            var value = LeadFields.Read(Lead, field);
            switch (LeadFields.TypeOf(field))
            {
                case FieldType.Text:
                    Assert.Equal(LeadFields.ReadText(Lead, field), value.Text);
                    break;
                case FieldType.Named:
                    Assert.Equal(LeadFields.ReadNamed(Lead, field), value.Named);
                    break;
                case FieldType.Number:
                    Assert.Equal(LeadFields.TryReadNumber(Lead, field, out var number), !value.IsMissing);
                    Assert.Equal(number, value.Number);
                    break;
                case FieldType.Boolean:
                    Assert.Equal(LeadFields.TryReadBoolean(Lead, field, out var boolean), !value.IsMissing);
                    Assert.Equal(boolean, value.Boolean);
                    break;
            }
        }
    }

    [Fact]
    public void Read_SalesFacts_AsASalesPersonReadsThem()
    {
        Assert.Equal("firm.example", LeadFields.Read(Lead, LeadField.CompanyDomain).Text);
        Assert.Equal(250, LeadFields.Read(Lead, LeadField.EmployeeCount).Number);
        Assert.Equal(45, LeadFields.Read(Lead, LeadField.TimeframeDays).Number);
        Assert.True(LeadFields.Read(Lead, LeadField.EmailIsFreeMail).Boolean);
        Assert.Equal((int)Seniority.Director, LeadFields.Read(Lead, LeadField.Seniority).Named);
        Assert.True(LeadFields.Read(LeadBuilder.New().Build(), LeadField.EmailIsFreeMail).IsMissing);
        Assert.True(LeadFields.Read(LeadBuilder.New().Build(), LeadField.Industry).IsMissing);
        Assert.Equal(FieldType.Date, LeadFields.Read(LeadBuilder.New().WithField("since", CustomFieldValue.FromDate(LeadBuilder.Now)).Build(), LeadField.Custom, new CustomFieldKey("since")).Type);
    }

    [Fact]
    public void ToString_AValue_ShowsTheTypeOnly()
    {
        Assert.Equal("Text", LeadFields.Read(Lead, LeadField.JobTitle).ToString());
    }

    [Fact]
    public void NamedValues_ReadIgnoringCase()
    {
        Assert.True(LeadFields.TryParseNamedValue(LeadField.Seniority, "VICEPRESIDENT", out var vp));
        Assert.Equal((int)Seniority.VicePresident, vp);
        Assert.Equal("vicePresident", LeadFields.NamedValues(LeadField.Seniority)[vp]);
        Assert.False(LeadFields.TryParseNamedValue(LeadField.Industry, "software", out _));
    }
}
