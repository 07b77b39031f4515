using LeadKit.Abstractions.Routing;
using LeadKit.Abstractions.Common;
using LeadKit.Abstractions.Sales;
using LeadKit.Abstractions.Serialization;
using static LeadKit.Routing.Tests.Routing;

namespace LeadKit.Routing.Tests;

public sealed class SalesRepRoutingTests
{
    [Fact]
    public void SalesRep_WithRoutingAttributes_RoundTripsThroughJson()
    {
        var rep = Rep("hans", weight: 3, maxOpen: 40, maxPerPeriod: 50, availability: new RepAvailability
        {
            TimeZoneId = "Europe/Berlin",
            WorkingHours = [new WorkingHoursWindow(DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(17, 30))],
            OutOfOffice = [new OutOfOfficePeriod(Now, Now.AddDays(14))],
        }) with
        {
            Countries = [new CountryCode("DE"), new CountryCode("AT")],
            Regions = ["Bavaria"],
            Industries = ["manufacturing"],
            MinEmployees = 200,
            MaxEmployees = 5000,
            Languages = ["de", "en"],
            Products = ["crm-pro"],
        };

        var json = LeadKitJson.Serialize(rep);
        var back = LeadKitJson.DeserializeSalesRep(json);

        Assert.Equal(rep, back);
        Assert.Contains("\"day\":\"monday\"", json, StringComparison.Ordinal);
        Assert.Contains("\"timeZoneId\":\"Europe/Berlin\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void SalesRep_MinimalJson_DefaultsToAlwaysAvailableWeightOne()
    {
        var rep = LeadKitJson.DeserializeSalesRep("""{ "id": "ana", "name": "Ana" }""");

        Assert.Equal(1, rep.Weight);
        Assert.Same(RepAvailability.Always, rep.Availability);
        Assert.True(rep.Countries.IsEmpty);
        Assert.Null(rep.MaxOpenLeads);
    }

    [Fact]
    public void SalesRep_ExplicitValuesInJson_AreReadAndValidated()
    {
        var inactive = LeadKitJson.DeserializeSalesRep("""{ "id": "ana", "name": "Ana", "isActive": false, "weight": 7 }""");
        var error = Assert.Throws<System.Text.Json.JsonException>(() => LeadKitJson.DeserializeSalesRep("""{ "id": "ana", "name": "Ana", "weight": 0 }"""));

        Assert.False(inactive.IsActive);
        Assert.Equal(7, inactive.Weight);
        Assert.Contains("Weight", error.Message, StringComparison.Ordinal);
    }
}
