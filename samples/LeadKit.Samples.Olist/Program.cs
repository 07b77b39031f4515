using LeadKit.Abstractions.Funnel;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Abstractions.Sources;
using LeadKit.Learning;
using LeadKit.Learning.Backtesting;
using LeadKit.Learning.NaiveBayes;
using LeadKit.Learning.Scorecards;
using LeadKit.Metrics.DataQuality;
using LeadKit.Metrics.Inputs;
using LeadKit.Metrics.Reports;
using LeadKit.Scoring.Model;
using LeadKit.Scoring.RuleSets;
using LeadKit.Scoring.Rules;
using LeadKit.Testing.Olist;

// Real data: the Olist marketing funnel (8,000 MQLs, 842 won deals). Pass the folder, or run from the repository
// with the shared datasets beside it.
const string Usage = """
    Usage: dotnet run --project samples/LeadKit.Samples.Olist -- [FOLDER]

      FOLDER      the folder of the Kaggle dataset "Marketing Funnel by Olist" (olistbr/marketing-funnel-olist),
                  holding olist_marketing_qualified_leads_dataset.csv and olist_closed_deals_dataset.csv;
                  default: shared/datasets/olist-marketing-funnel in a folder above the current one
      -h, --help  show this help
    """;
if (args is ["--help" or "-h", ..])
{
    Console.WriteLine(Usage);
    return 0;
}

// An option is never a folder: "--colour" must not be reported as a missing dataset.
if (args.Length > 1 || (args is [var option] && option.StartsWith('-')))
{
    Console.Error.WriteLine(args.Length > 1 ? "Pass one folder at most." : $"Unknown option '{args[0]}'.");
    Console.Error.WriteLine(Usage);
    return 2;
}

var folder = args.Length > 0 ? args[0] : FindSharedDatasets();
if (folder is null || !File.Exists(Path.Combine(folder, OlistDataset.MqlFile)))
{
    Console.Error.WriteLine("The Olist marketing-funnel CSV files were not found.");
    Console.Error.WriteLine("Download the Kaggle dataset \"Marketing Funnel by Olist\" (olistbr/marketing-funnel-olist) and pass its folder:");
    Console.Error.WriteLine("  dotnet run --project samples/LeadKit.Samples.Olist -- /path/to/olist-marketing-funnel");
    return 2;
}

var data = OlistDataset.Load(folder);
Console.WriteLine($"Read {data.Mqls.Count} MQLs and {data.ClosedDeals.Count} closed deals from {folder}.");
foreach (var problem in data.Problems)
{
    Console.WriteLine($"  malformed row: {problem}");
}

var win = new FunnelTrigger("win");
var deals = data.ClosedDeals.ToDictionary(d => d.MqlId);

// Every MQL starts in "mql"; a closed deal moves it to "customer". Two views: owner = SDR, and owner = SR.
List<LeadJourney> Journeys(Func<OlistClosedDeal, SalesRepId> owner)
{
    var journeys = new List<LeadJourney>(data.Mqls.Count);
    foreach (var mql in data.Mqls)
    {
        journeys.Add(deals.TryGetValue(mql.Id, out var deal)
            ? new LeadJourney(mql.Id, mql.Source, mql.FirstContact, [new StageChange { From = FunnelStage.Mql, To = FunnelStage.Customer, Trigger = win, OccurredAt = deal.WonAt }], owner(deal), FunnelStage.Mql)
            : new LeadJourney(mql.Id, mql.Source, mql.FirstContact, initialStage: FunnelStage.Mql));
    }

    return journeys;
}

var options = new FunnelReportOptions
{
    Stages = [FunnelStage.Mql, FunnelStage.Customer],
    ConvertedStage = FunnelStage.Customer,
    DataQuality = DataQualityMode.Exclude,
};
var calculator = new FunnelReportCalculator(options);
var bySdr = calculator.Calculate(Journeys(d => d.Sdr));
var bySr = calculator.Calculate(Journeys(d => d.Sr));

Console.WriteLine();
Console.WriteLine($"MQL -> won: {bySdr.Overall.Conversion.LeadToCustomer}");
var cycle = bySdr.Overall.SalesCycle.Length;
Console.WriteLine($"Days from first contact to won: median {cycle.Median?.TotalDays:0.00}, mean {cycle.Mean?.TotalDays:0.00}, p75 {cycle.P75?.TotalDays:0.00}, p90 {cycle.P90?.TotalDays:0.00}");

Console.WriteLine();
Console.WriteLine("Conversion by origin:");
foreach (var source in bySdr.BySource.OrderByDescending(s => s.Conversion.Leads))
{
    Console.WriteLine($"  {Readable(source.Key.Label),-28} {source.Conversion.LeadToCustomer}");
}

Console.WriteLine();
Console.WriteLine("Monthly conversion (cohort of MQLs by first-contact month; months in which no MQL arrived are left out):");
foreach (var month in bySdr.ByPeriod.Where(m => m.Conversion.LeadToCustomer.HasData))
{
    Console.WriteLine($"  {month.Key.Label,-20} {month.Conversion.LeadToCustomer}");
}

Console.WriteLine();
// The dataset names reps by a 32-character hash; its first 8 characters tell them apart and fit a line.
Console.WriteLine("Won deals by SDR (top 10) and by SR (top 10), reps by the first 8 characters of their id:");
foreach (var rep in bySdr.ByOwner.Where(o => o.Key.Owner is not null).OrderByDescending(o => o.Conversion.LeadToCustomer.Numerator).Take(10))
{
    Console.WriteLine($"  SDR {Rep(rep.Key.Label),-10} {rep.Conversion.LeadToCustomer.Numerator,4} won");
}

foreach (var rep in bySr.ByOwner.Where(o => o.Key.Owner is not null).OrderByDescending(o => o.Conversion.LeadToCustomer.Numerator).Take(10))
{
    Console.WriteLine($"  SR  {Rep(rep.Key.Label),-10} {rep.Conversion.LeadToCustomer.Numerator,4} won");
}

Console.WriteLine();
Console.WriteLine($"Data quality: {bySdr.DataQuality.Issues.Count} issue(s), {bySdr.DataQuality.ExcludedJourneys} journey(s) left out of every KPI:");
foreach (var issue in bySdr.DataQuality.Issues)
{
    Console.WriteLine($"  {issue}");
}

// Learn from history: test a scoring model against the known outcomes before publishing it, then let the history
// suggest the points. Each MQL becomes a HistoricalLead: the lead as known at first contact (origin, landing page),
// the moment of the decision (first contact; nothing later is visible to a scorer) and whether it was won.
Console.WriteLine();
Console.WriteLine("Learn from history");
var history = data.LeadOutcomes().Select(o => new HistoricalLead(o.Lead, o.DecidedAt, o.Won)).ToList();

// 1. Backtest a hand-made model: points by origin, as a marketer might guess them before looking at the data
//    (referrals are usually the best source, search shows intent). The backtest tells whether the guess holds here.
const double MqlThreshold = 20;
var handMade = new ScoringModelBuilder()
    .WithName("hand-made")
    .AddRule(SalesRules.Source(
        "origin",
        (LeadSource.Referral, 30),
        (LeadSource.PaidSearch, 20),
        (LeadSource.OrganicSearch, 20),
        (new LeadSource("direct_traffic"), 15),
        (new LeadSource("email"), 10),
        (new LeadSource("social"), 5)))
    .Build();
var backtest = new Backtester(new BacktestOptions { MqlThreshold = MqlThreshold }).Run(history, handMade);
Console.WriteLine($"Hand-made model (points by origin): AUC {backtest.Auc:0.000} (0.5 ranks won leads no better than chance)");
var atMql = backtest.AtMqlThreshold!.Value;
Console.WriteLine($"  At the MQL threshold of {MqlThreshold} points:  won  lost");
Console.WriteLine($"    qualified                    {atMql.TruePositives,5} {atMql.FalsePositives,5}");
Console.WriteLine($"    not qualified                {atMql.FalseNegatives,5} {atMql.TrueNegatives,5}");
Console.WriteLine($"    precision {atMql.Precision:0.0%}, recall {atMql.Recall:0.0%}, lift {atMql.Lift:0.00} over the base rate {backtest.BaseRate:0.0%}");
var best = backtest.BestF1;
Console.WriteLine($"  Best F1 at {best.Threshold} points: F1 {best.Matrix.F1:0.000}, precision {best.Matrix.Precision:0.0%}, recall {best.Matrix.Recall:0.0%}, {best.LeadsPerWeek:0} leads per week");

// 2. Learn two models from the same history, each judged by 5-fold cross-validation: every fold is scored by a
//    model trained on the other four, so the AUC is measured on leads the model has not seen.
const int Folds = 5;
const int Seed = 20260601;
var landingPage = LeadFeature.CustomText(OlistDataset.LandingPage);
var conditions = LeadCondition.ForValues(LeadFeature.Source, history, minimumSupport: 20)
    .AddRange(LeadCondition.ForValues(landingPage, history, minimumSupport: 100));
var scorecardTrainer = new ScorecardTrainer(conditions, new ScorecardOptions { L2 = 1 });
var naiveBayesTrainer = new NaiveBayesTrainer(new NaiveBayesOptions { Features = { LeadFeature.Source, landingPage } });
var scorecardAuc = scorecardTrainer.CrossValidate(history, Folds, Seed);
var naiveBayesAuc = naiveBayesTrainer.CrossValidate(history, Folds, Seed);
Console.WriteLine($"Learned scorecard ({conditions.Length} conditions: origins with 20+ MQLs, landing pages with 100+): cross-validated AUC {scorecardAuc.MeanAuc:0.000} ± {scorecardAuc.StandardDeviation:0.000}");
Console.WriteLine($"Naive Bayes (origin, landing page): cross-validated AUC {naiveBayesAuc.MeanAuc:0.000} ± {naiveBayesAuc.StandardDeviation:0.000}");

// 3. The learned scorecard is an ordinary rule set: integer points per condition, written as reviewable JSON.
var scorecard = scorecardTrainer.Train(history);
var json = scorecard.ToRuleSetJson("olist-learned");
Console.WriteLine();
var jsonPath = Path.GetFullPath(Path.Combine("reports", "olist", "learned-rule-set.json"));
Directory.CreateDirectory(Path.GetDirectoryName(jsonPath)!);
File.WriteAllText(jsonPath, json);
var jsonLines = json.Split('\n');
Console.WriteLine($"The scorecard learned from all {history.Count} MQLs, as a LeadKit JSON rule set ({jsonLines.Length} lines, written to {jsonPath}); its start:");
foreach (var line in jsonLines.Take(16))
{
    Console.WriteLine("  " + line.TrimEnd('\r'));
}

Console.WriteLine("  ...");

// Loading it back gives a plain ScoringModel that scores every lead exactly as the learned scorecard does.
var ruleSet = ScoringRuleSet.Parse(json);
var inSample = new Backtester();
Console.WriteLine($"ScoringRuleSet.Parse read '{ruleSet.Name}' with {ruleSet.Model.RuleNames.Length} rules.");
Console.WriteLine($"AUC on the {history.Count} MQLs it was trained on (in-sample, so optimistic): rule set {inSample.Run(history, ruleSet.Model).Auc:0.000}, learned scorecard {inSample.Run(history, scorecard).Auc:0.000}.");

return 0;

static string? FindSharedDatasets()
{
    for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
    {
        var candidate = Path.Combine(dir.FullName, "shared", "datasets", "olist-marketing-funnel");
        if (Directory.Exists(candidate))
        {
            return candidate;
        }
    }

    return null;
}

// "organic_search" reads "Organic search" for a person.
static string Readable(string name)
    => name.Length == 0 || name.StartsWith('(') ? name : char.ToUpperInvariant(name[0]) + name[1..].Replace('_', ' ');

static string Rep(string id) => id.Length > 8 ? id[..8] : id;
