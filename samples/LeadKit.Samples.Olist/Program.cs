using LeadKit.Abstractions.Funnel;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Abstractions.Sources;
using LeadKit.Metrics.DataQuality;
using LeadKit.Metrics.Inputs;
using LeadKit.Metrics.Reports;
using LeadKit.Testing.Olist;

// Real data: the Olist marketing funnel (8,000 MQLs, 842 won deals). Pass the folder, or run from the repository
// with the shared datasets beside it.
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
var blank = new LeadSource("blank");
var deals = data.ClosedDeals.ToDictionary(d => d.MqlId);

// Every MQL starts in "mql"; a closed deal moves it to "customer". Two views: owner = SDR, and owner = SR.
List<LeadJourney> Journeys(Func<OlistClosedDeal, SalesRepId> owner)
{
    var journeys = new List<LeadJourney>(data.Mqls.Count);
    foreach (var mql in data.Mqls)
    {
        var source = mql.Origin.Length == 0 ? blank : new LeadSource(mql.Origin);
        journeys.Add(deals.TryGetValue(mql.Id, out var deal)
            ? new LeadJourney(mql.Id, source, mql.FirstContact, [new StageChange { From = FunnelStage.Mql, To = FunnelStage.Customer, Trigger = win, OccurredAt = deal.WonAt }], owner(deal), FunnelStage.Mql)
            : new LeadJourney(mql.Id, source, mql.FirstContact, initialStage: FunnelStage.Mql));
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
    Console.WriteLine($"  {source.Key,-28} {source.Conversion.LeadToCustomer}");
}

Console.WriteLine();
Console.WriteLine("Monthly conversion (cohort of MQLs by first-contact month):");
foreach (var month in bySdr.ByPeriod)
{
    Console.WriteLine($"  {month.Key,-20} {month.Conversion.LeadToCustomer}");
}

Console.WriteLine();
Console.WriteLine("Won deals by SDR (top 10) and by SR (top 10):");
foreach (var rep in bySdr.ByOwner.OrderByDescending(o => o.Conversion.LeadToCustomer.Numerator).Take(10))
{
    Console.WriteLine($"  SDR {rep.Key,-45} {rep.Conversion.LeadToCustomer.Numerator,4} won");
}

foreach (var rep in bySr.ByOwner.OrderByDescending(o => o.Conversion.LeadToCustomer.Numerator).Take(10))
{
    Console.WriteLine($"  SR  {rep.Key,-45} {rep.Conversion.LeadToCustomer.Numerator,4} won");
}

Console.WriteLine();
Console.WriteLine($"Data quality: {bySdr.DataQuality.Issues.Count} issue(s), {bySdr.DataQuality.ExcludedJourneys} journey(s) left out of every KPI:");
foreach (var issue in bySdr.DataQuality.Issues)
{
    Console.WriteLine($"  {issue}");
}

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
