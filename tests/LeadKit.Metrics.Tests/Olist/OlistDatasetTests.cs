using LeadKit.Testing.Olist;

namespace LeadKit.Metrics.Tests.Olist;

/// <summary>The Olist importer reports malformed rows with file and line instead of dropping them.</summary>
public sealed class OlistDatasetTests
{
    private const string MqlHeader = "mql_id,first_contact_date,landing_page_id,origin\n";
    private const string DealHeader = "mql_id,seller_id,sdr_id,sr_id,won_date,business_segment,lead_type,lead_behaviour_profile,has_company,has_gtin,average_stock,business_type,declared_product_catalog_size,declared_monthly_revenue\n";

    [Fact]
    public void Read_MalformedRows_EachReportedWithFileAndLine()
    {
        var mqls = MqlHeader
            + "a,2018-01-02,page,social\n"
            + "b,02/01/2018,page,social\n"          // line 3: bad date
            + "c,2018-01-02,page\n"                 // line 4: 3 columns
            + "a,2018-01-03,page,email\n";          // line 5: duplicate id
        var deals = DealHeader
            + "a,s1,sdr1,sr1,2018-02-01 10:00:00,pet,online_medium,\"cat, wolf\",,,,reseller,,0.0\n"
            + "zzz,s2,sdr1,sr1,2018-02-01 10:00:00,pet,online_medium,cat,,,,reseller,,0.0\n"   // line 3: unknown MQL
            + "a,s3,sdr1,sr1,2018-02-01 10:00:00,pet,online_medium,cat,,,,reseller,,-5\n";    // line 4: negative revenue

        var data = OlistDataset.Read(new StringReader(mqls), new StringReader(deals));

        Assert.Equal(["a"], data.Mqls.Select(m => m.Id.Value));
        Assert.Equal("a", Assert.Single(data.ClosedDeals).MqlId.Value);
        Assert.Equal(
            [(OlistDataset.MqlFile, 3), (OlistDataset.MqlFile, 4), (OlistDataset.MqlFile, 5), (OlistDataset.ClosedDealsFile, 3), (OlistDataset.ClosedDealsFile, 4)],
            data.Problems.Select(p => (p.File, p.Line)));
        Assert.Contains("first_contact_date '02/01/2018'", data.Problems[0].Message, StringComparison.Ordinal);
        Assert.Contains("'zzz'", data.Problems[3].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnclosedQuote_ReportedNotSwallowed()
    {
        var deals = DealHeader + "a,s1,sdr1,sr1,2018-02-01 10:00:00,pet,online_medium,\"cat, wolf,,,,reseller,,0.0\n";

        var data = OlistDataset.Read(new StringReader(MqlHeader + "a,2018-01-02,page,social\n"), new StringReader(deals));

        Assert.Empty(data.ClosedDeals);
        var problem = Assert.Single(data.Problems);
        Assert.Equal((OlistDataset.ClosedDealsFile, 2), (problem.File, problem.Line));
        Assert.Contains("not closed", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WrongHeader_ReportedOnLineOne()
    {
        var data = OlistDataset.Read(new StringReader("id,date\nx,y\n"), new StringReader(DealHeader));

        Assert.Empty(data.Mqls);
        Assert.Equal((OlistDataset.MqlFile, 1), (data.Problems[0].File, data.Problems[0].Line));
    }
}
