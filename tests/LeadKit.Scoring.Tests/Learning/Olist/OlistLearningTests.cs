using LeadKit.Scoring.Backtesting;
using LeadKit.Scoring.Learning;
using LeadKit.Scoring.Learning.NaiveBayes;
using LeadKit.Scoring.Learning.Scorecards;
using LeadKit.Testing;
using Xunit.Abstractions;

namespace LeadKit.Scoring.Tests.Learning.Olist;

/// <summary>
/// The learners on real data: 8,000 Olist MQLs with origin and landing page; won = present in the closed-deals file.
/// Origin and landing page are weak signals, so honest cross-validated AUCs are expected well below 0.8.
/// </summary>
public sealed class OlistLearningTests(ITestOutputHelper output)
{
    private const int Folds = 5;
    private const int Seed = 20260601;

    [SkippableFact]
    public void Reader_OlistFiles_MatchTheIndependentFactsOfProvenance()
    {
        var history = OlistFunnelReader.Read(Datasets.Require("olist-marketing-funnel"));

        // PROVENANCE.md: 8000 MQLs, 842 closed; organic_search 2296, blank origin 60; 495 landing pages.
        Assert.Equal(8000, history.Count);
        Assert.Equal(842, history.Count(h => h.Converted));
        Assert.Equal(2296, history.Count(h => h.Lead.Source.Value == "organic_search"));
        Assert.Equal(60, history.Count(h => h.Lead.Source == OlistFunnelReader.NotRecorded));
        Assert.Equal(495, history.Select(h => LeadFeature.CustomText(OlistFunnelReader.LandingPage).ValueOf(h.Lead, h.DecidedAt)).Distinct().Count());
    }

    [SkippableFact]
    public void CrossValidatedAuc_NaiveBayesAndLearnedScorecard_BeatChanceOnOriginAndLandingPage()
    {
        var history = OlistFunnelReader.Read(Datasets.Require("olist-marketing-funnel"));
        var landingPage = LeadFeature.CustomText(OlistFunnelReader.LandingPage);

        var naiveBayes = new NaiveBayesTrainer(new NaiveBayesOptions { Features = { LeadFeature.Source, landingPage } });
        var bayes = naiveBayes.CrossValidate(history, Folds, Seed);

        // One condition per origin with 20+ MQLs and per landing page with 30+ MQLs.
        var conditions = LeadCondition.ForValues(LeadFeature.Source, history, 20).AddRange(LeadCondition.ForValues(landingPage, history, 30));
        var scorecardTrainer = new ScorecardTrainer(conditions, new ScorecardOptions { L2 = 1 });
        var scorecard = scorecardTrainer.CrossValidate(history, Folds, Seed);

        output.WriteLine($"Olist MQLs: {history.Count}, won {history.Count(h => h.Converted)}; {Folds}-fold stratified CV, seed {Seed}.");
        output.WriteLine($"Naive Bayes (origin, landing page; alpha 1, min support 5): mean AUC {bayes.MeanAuc:F4} ± {bayes.StandardDeviation:F4}, pooled {bayes.PooledAuc:F4}, folds [{string.Join(", ", bayes.FoldAucs.Select(a => a.ToString("F4", System.Globalization.CultureInfo.InvariantCulture)))}]");
        output.WriteLine($"Learned scorecard ({conditions.Length} conditions, L2 1): mean AUC {scorecard.MeanAuc:F4} ± {scorecard.StandardDeviation:F4}, pooled {scorecard.PooledAuc:F4}, folds [{string.Join(", ", scorecard.FoldAucs.Select(a => a.ToString("F4", System.Globalization.CultureInfo.InvariantCulture)))}]");

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
    public void Reader_RowThatCannotBeParsed_FailsWithFileAndLine()
    {
        var folder = Directory.CreateTempSubdirectory("olist-bad-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, OlistFunnelReader.ClosedDealsFile),
                "mql_id,seller_id,sdr_id,sr_id,won_date,business_segment,lead_type,lead_behaviour_profile,has_company,has_gtin,average_stock,business_type,declared_product_catalog_size,declared_monthly_revenue\n");
            File.WriteAllText(Path.Combine(folder.FullName, OlistFunnelReader.MqlFile),
                "mql_id,first_contact_date,landing_page_id,origin\n"
                + "dac32acd4db4c29c230538b72f8dd87d,2018-02-01,88740e65d5d6b056e0cda098e1ea6313,social\n"
                + "8c18d1de7f67e60dbd64e3c07d7e9d5d,01/02/2018,007f9098284a86ee80ddeb25d53e0af8,paid_search\n");

            var ex = Assert.Throws<InvalidDataException>(() => OlistFunnelReader.Read(folder.FullName));
            Assert.Contains($"{OlistFunnelReader.MqlFile}:3: first_contact_date '01/02/2018'", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Split_QuotedFieldWithComma_StaysOneField()
        => Assert.Equal(["a", "cat, wolf", ""], OlistFunnelReader.Split("a,\"cat, wolf\",", "f.csv", 1));
}
