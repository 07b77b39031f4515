using System.Globalization;
using LeadKit.Learning;
using LeadKit.Learning.Backtesting;
using LeadKit.Learning.NaiveBayes;
using LeadKit.Learning.Scorecards;
using LeadKit.Testing;
using LeadKit.Testing.Olist;
using Xunit.Abstractions;

namespace LeadKit.Learning.Tests.Olist;

/// <summary>
/// The learners on real data: 8,000 Olist MQLs with origin and landing page; won = present in the closed-deals file.
/// Origin and landing page are weak signals, so honest cross-validated AUCs are expected well below 0.8.
/// </summary>
public sealed class OlistLearningTests(ITestOutputHelper output)
{
    private const int Folds = 5;
    private const int Seed = 20260601;

    private const string MqlHeader = "mql_id,first_contact_date,landing_page_id,origin\n";
    private const string DealHeader = "mql_id,seller_id,sdr_id,sr_id,won_date,business_segment,lead_type,lead_behaviour_profile,has_company,has_gtin,average_stock,business_type,declared_product_catalog_size,declared_monthly_revenue\n";

    [SkippableFact]
    public void History_OlistFiles_MatchTheIndependentFactsOfProvenance()
    {
        var history = LoadHistory();

        // PROVENANCE.md: 8000 MQLs, 842 closed; organic_search 2296, blank origin 60; 495 landing pages.
        Assert.Equal(8000, history.Count);
        Assert.Equal(842, history.Count(h => h.Converted));
        Assert.Equal(2296, history.Count(h => h.Lead.Source.Value == "organic_search"));
        Assert.Equal(60, history.Count(h => h.Lead.Source == OlistDataset.BlankOrigin));
        Assert.Equal(495, history.Select(h => LeadFeature.CustomText(OlistDataset.LandingPage).ValueOf(h.Lead, h.DecidedAt)).Distinct().Count());
        Assert.All(history, h => Assert.Equal(h.Lead.CreatedAt, h.DecidedAt));
    }

    [SkippableFact]
    public void CrossValidatedAuc_NaiveBayesAndLearnedScorecard_BeatChanceOnOriginAndLandingPage()
    {
        var history = LoadHistory();
        var landingPage = LeadFeature.CustomText(OlistDataset.LandingPage);

        var naiveBayes = new NaiveBayesTrainer(new NaiveBayesOptions { Features = { LeadFeature.Source, landingPage } });
        var bayes = naiveBayes.CrossValidate(history, Folds, Seed);

        // One condition per origin with 20+ MQLs and per landing page with 30+ MQLs.
        var conditions = LeadCondition.ForValues(LeadFeature.Source, history, 20).AddRange(LeadCondition.ForValues(landingPage, history, 30));
        var scorecardTrainer = new ScorecardTrainer(conditions, new ScorecardOptions { L2 = 1 });
        var scorecard = scorecardTrainer.CrossValidate(history, Folds, Seed);

        output.WriteLine($"Olist MQLs: {history.Count}, won {history.Count(h => h.Converted)}; {Folds}-fold stratified CV, seed {Seed}.");
        output.WriteLine($"Naive Bayes (origin, landing page; alpha 1, min support 5): mean AUC {bayes.MeanAuc:F4} ± {bayes.StandardDeviation:F4}, pooled {bayes.PooledAuc:F4}, folds [{string.Join(", ", bayes.FoldAucs.Select(a => a.ToString("F4", CultureInfo.InvariantCulture)))}]");
        output.WriteLine($"Learned scorecard ({conditions.Length} conditions, L2 1): mean AUC {scorecard.MeanAuc:F4} ± {scorecard.StandardDeviation:F4}, pooled {scorecard.PooledAuc:F4}, folds [{string.Join(", ", scorecard.FoldAucs.Select(a => a.ToString("F4", CultureInfo.InvariantCulture)))}]");

        Assert.InRange(bayes.MeanAuc, 0.55, 0.85);
        Assert.InRange(scorecard.MeanAuc, 0.55, 0.85);

        var full = scorecardTrainer.Train(history);
        var comparison = new Backtester().Compare(history, full, naiveBayes.Train(history));
        output.WriteLine($"In-sample (trained on all 8000): scorecard AUC {comparison.FirstAuc:F4}, naive Bayes AUC {comparison.SecondAuc:F4}, difference {comparison.Difference:F4} [{comparison.Lower:F4}, {comparison.Upper:F4}]");
        foreach (var entry in full.Entries.Where(e => e.Condition.Feature == LeadFeature.Source))
        {
            output.WriteLine($"  {entry.Condition.Name,-32} {entry.Points,4} points (coefficient {entry.Coefficient:F3}, {entry.Won}/{entry.Support} won)");
        }
    }

    [Fact]
    public void LeadOutcomes_Rows_BecomeLeadsDecidedAtFirstContactWithOriginAndLandingPage()
    {
        var data = OlistDataset.Read(
            new StringReader(MqlHeader
                + "m1,2018-02-01,page-a,paid_search\n"
                + "m2,2018-02-03,page-b,\n"),
            new StringReader(DealHeader + "m2,s1,sdr1,sr1,2018-02-20 10:00:00,pet,online_medium,cat,,,,reseller,,0.0\n"));

        Assert.Empty(data.Problems);
        var outcomes = data.LeadOutcomes();
        Assert.Equal(["m1", "m2"], outcomes.Select(o => o.Lead.Id.Value));
        Assert.Equal([false, true], outcomes.Select(o => o.Won));
        Assert.Equal([new DateTimeOffset(2018, 2, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2018, 2, 3, 0, 0, 0, TimeSpan.Zero)], outcomes.Select(o => o.DecidedAt));
        Assert.All(outcomes, o => Assert.Equal(o.DecidedAt, o.Lead.CreatedAt));
        Assert.Equal(["paid_search", "blank"], outcomes.Select(o => o.Lead.Source.Value));
        Assert.Equal(["page-a", "page-b"], outcomes.Select(o => LeadFeature.CustomText(OlistDataset.LandingPage).ValueOf(o.Lead, o.DecidedAt)));
    }

    [Fact]
    public void Read_OriginNotASourceNameOrBlankLandingPage_ReportedWithFileAndLineAndLeftOut()
    {
        var data = OlistDataset.Read(
            new StringReader(MqlHeader
                + "m1,2018-02-01,page-a,paid_search\n"
                + "m2,2018-02-01,page-a,Paid Search\n"
                + "m3,2018-02-01,,social\n"),
            new StringReader(DealHeader));

        Assert.Equal(["m1"], data.LeadOutcomes().Select(o => o.Lead.Id.Value));
        Assert.Equal([(OlistDataset.MqlFile, 3), (OlistDataset.MqlFile, 4)], data.Problems.Select(p => (p.File, p.Line)));
        Assert.Contains("origin 'Paid Search' is not a valid source name", data.Problems[0].Message, StringComparison.Ordinal);
        Assert.Contains("landing_page_id is blank", data.Problems[1].Message, StringComparison.Ordinal);
    }

    // The importer leaves malformed rows out and lists them; for learning nothing may be left out, so any problem fails.
    private static List<HistoricalLead> LoadHistory()
    {
        var data = OlistDataset.Load(Datasets.Require("olist-marketing-funnel"));
        Assert.Empty(data.Problems);
        return [.. data.LeadOutcomes().Select(o => new HistoricalLead(o.Lead, o.DecidedAt, o.Won))];
    }
}
