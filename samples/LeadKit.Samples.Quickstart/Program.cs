using System.Globalization;
using LeadKit.Abstractions.Engagement;
using LeadKit.Abstractions.Funnel;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Sales;
using LeadKit.Abstractions.Scoring;
using LeadKit.Abstractions.Sources;
using LeadKit.Routing;
using LeadKit.Routing.Ledger;
using LeadKit.Funnel.Definitions;
using LeadKit.Metrics.Reports;
using LeadKit.Samples.Quickstart;
using LeadKit.Scoring.Decay;
using LeadKit.Scoring.Explanations;
using LeadKit.Scoring.Model;
using LeadKit.Scoring.Qualification;
using LeadKit.Scoring.Rules;
using Spectre.Console;

var (options, error) = QuickstartOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine(error);
    Console.Error.WriteLine(QuickstartOptions.Usage);
    return 2;
}

if (options.ShowHelp)
{
    Console.WriteLine(QuickstartOptions.Usage);
    return 0;
}

// Redirected to a file or a pipe, Spectre.Console would wrap at 80 columns, in the middle of phrases and table cells:
// tables and charts get a fixed width, and sentences are written as whole lines (Say) that nothing wraps.
var redirected = Console.IsOutputRedirected;
if (redirected)
{
    AnsiConsole.Profile.Width = 120;
}

void Say(string text)
{
    if (redirected)
    {
        Console.WriteLine(text);
    }
    else
    {
        AnsiConsole.WriteLine(text);
    }
}

void Heading(string title)
{
    AnsiConsole.WriteLine();
    AnsiConsole.Write(new Rule($"[bold]{Markup.Escape(title)}[/]").LeftJustified());
}

// One timeline, one report date: the demo leads are created over the six months before it, every score is taken on
// it, and the funnel and the deals show what has happened by then. The same seed gives the same report everywhere.
var asOf = new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
var leads = DemoLeads.Generate(options.Leads, options.Seed, asOf);
Heading("LeadKit quickstart");
Say(string.Create(CultureInfo.InvariantCulture, $"{leads.Count} demo leads (seed {options.Seed}) created over the six months before the report date, {asOf:yyyy-MM-dd HH:mm} UTC."));

// 1. Scoring: a model compiled once from built-in rules (fit + engagement, caps, decay), then used for every lead.
var model = new ScoringModelBuilder()
    .WithName("quickstart")
    .AddGroup(new ScoringGroup("web", ScoreDimension.Engagement) { Limits = new ScoreLimits(null, 30), Decay = DecayFunction.HalfLife(TimeSpan.FromDays(30)) })
    .AddRule(SalesRules.Source("source", (LeadSource.Referral, 20), (LeadSource.TradeFair, 10), (LeadSource.PurchasedList, -10)))
    .AddRule(SalesRules.Seniority("decision_maker", 15, Seniority.Director, Seniority.VicePresident, Seniority.CLevel, Seniority.Owner))
    .AddRule(SalesRules.CompanySize("mid_market", 10, 50, 5000))
    .AddRule(SalesRules.Industry("target_industry", 10, "software", "manufacturing"))
    .AddRule(SalesRules.EmailDomain("business_email", 5, -5))
    .AddRule(SalesRules.StudentOrJobSeeker(-30))
    .AddRule(SalesRules.Signal("page_views", EngagementSignalKind.PageView, 1, maxOccurrences: 10, windowDays: 30), "web")
    .AddRule(SalesRules.Signal("pricing_page", EngagementSignalKind.PricingPageView, 5, maxOccurrences: 3), "web")
    .AddRule(SalesRules.Signal("email_clicks", EngagementSignalKind.EmailClick, 3, maxOccurrences: 5), "web")
    .AddRule(SalesRules.Signal("webinar", EngagementSignalKind.WebinarAttended, 10, maxOccurrences: 2))
    .AddRule(SalesRules.Signal("demo_request", EngagementSignalKind.DemoRequested, 25, maxOccurrences: 1))
    .AddRule(SalesRules.Timeframe("timeframe", 10, maxDays: 60))
    .AddRule(SalesRules.Unsubscribed(-20))
    .AddRule(SalesRules.Inactivity("inactive_60d", days: 60, points: -15))
    .Build();
var policy = new DefaultQualificationPolicy();
var assessor = new LeadAssessor(model, qualification: policy);

Heading("Scoring: three demo leads, explained (scores as of the report date)");
foreach (var lead in leads.Take(3))
{
    var a = assessor.Explain(lead, asOf);
    Say(string.Create(CultureInfo.InvariantCulture, $"{lead.Id} ({Labels.Of(lead.Source)}): {a.Temperature}, {a.Qualification.Level}, grade {a.Grade}; total {a.Score.Total:0.#} = fit {a.Score.Fit:0.#} + engagement {a.Score.Engagement:0.#}"));
    Say($"  why: {a.Qualification.Reason}");
    foreach (var line in (a.ScoreCard?.ToString() ?? string.Empty).ReplaceLineEndings("\n").Split('\n').Skip(1))
    {
        Say(line);
    }
}

var assessments = new List<(Lead Lead, LeadAssessment Assessment)>(leads.Count);
foreach (var lead in leads)
{
    assessments.Add((lead, assessor.Assess(lead, asOf)));
}

// 2. Routing: a small inbound team, smooth weighted round robin (Ana takes twice the share of the others). A lead is
//    routed the moment it becomes an MQL, on the same timeline as the funnel.
SalesRep[] reps =
[
    new() { Id = new SalesRepId("ana"), Name = "Ana", Weight = 2 },
    new() { Id = new SalesRepId("bruno"), Name = "Bruno" },
    new() { Id = new SalesRepId("carla"), Name = "Carla" },
];
var plan = new RoutingPlanBuilder()
    .AddReps(reps)
    .AddTeam(new SalesTeamId("inbound"), reps.Select(r => r.Id))
    .AddTeamStep(new SalesTeamId("inbound"), RepSelection.WeightedRoundRobin)
    .Build();

// 3. Funnel: every lead walks the default funnel; the qualify steps ask the same scoring model and policy.
var funnel = DefaultFunnel.CreateQualified(model, policy);
var router = new LeadRouter(new RoutingPlanProvider(plan), new InMemoryRoutingLedgerStore());
var outcome = DemoTimeline.Run(leads, funnel, router, options.Seed, asOf);

// 4. KPIs: one call computes the whole funnel report, SAL included.
var reportOptions = new FunnelReportOptions { Stages = QuickstartReport.WaterfallStages };
var report = new FunnelReportCalculator(reportOptions).Calculate(outcome.Journeys, outcome.Deals);
var recycled = outcome.Deals.Count(d => d.Status == DealStatus.Lost);
var result = new QuickstartReport(options.Seed, asOf, assessments, outcome, report, funnel, reps.ToDictionary(r => r.Id, r => r.Name ?? r.Id.ToString()), recycled);

Heading("Summary");
foreach (var line in result.Summary)
{
    Say(line);
}

Heading($"Scoring: every lead as of {result.AsOfText}");
var mix = new Table().AddColumn("Temperature").AddColumn(new TableColumn("Leads").RightAligned()).AddColumn("Qualification").AddColumn(new TableColumn("Leads").RightAligned());
var temperatures = assessments.GroupBy(x => x.Assessment.Temperature).OrderBy(g => g.Key).ToList();
var levels = assessments.GroupBy(x => x.Assessment.Qualification.Level).OrderBy(g => g.Key).ToList();
for (var i = 0; i < Math.Max(temperatures.Count, levels.Count); i++)
{
    mix.AddRow(
        i < temperatures.Count ? temperatures[i].Key.ToString() : string.Empty,
        i < temperatures.Count ? Labels.Count(temperatures[i].Count()) : string.Empty,
        i < levels.Count ? Labels.Readable(levels[i].Key.ToString().ToLowerInvariant()) : string.Empty,
        i < levels.Count ? Labels.Count(levels[i].Count()) : string.Empty);
}

AnsiConsole.Write(mix);

Heading($"Routing: {outcome.Owners.Count} MQLs routed when they qualified (weighted round robin, Ana has weight 2)");
var routing = new BarChart().Width(60);
foreach (var group in outcome.Owners.GroupBy(o => o.Value).OrderBy(g => g.Key.Value, StringComparer.Ordinal))
{
    routing.AddItem(result.RepNames[group.Key], group.Count(), Color.SteelBlue);
}

AnsiConsole.Write(routing);

Heading($"Funnel: how far the leads got by {result.AsOfText}");
var stages = new Table().AddColumn("Stage").AddColumn(new TableColumn("Reached").RightAligned()).AddColumn(new TableColumn("Step conversion").RightAligned()).AddColumn(new TableColumn("Of all leads").RightAligned());
foreach (var stage in result.Stages)
{
    stages.AddRow(stage.Label, Labels.Count(stage.Reached), stage.Step is { } step ? Labels.Percent(step.Value) : string.Empty, Labels.Percent(result.Leads == 0 ? null : (double)stage.Reached / result.Leads));
}

AnsiConsole.Write(stages);
var whereNow = new BarChart().Width(60).Label("Where the leads are now");
foreach (var (stage, count) in result.CurrentStages)
{
    whereNow.AddItem(stage, count, Color.SeaGreen2);
}

AnsiConsole.Write(whereNow);

Heading("Deals and KPIs");
var kpis = new Table().AddColumn("KPI").AddColumn(new TableColumn("Value").RightAligned());
kpis.AddRow("Lead -> customer", Labels.Percent(report.Overall.Conversion.LeadToCustomer.Value));
kpis.AddRow("Deals won / lost / open", $"{result.Deals.Won} / {result.Deals.Lost} / {result.Deals.Open}");
kpis.AddRow("Win rate (decided deals)", Labels.Percent(result.Deals.WinRateByCount.Value));
foreach (var currency in result.Deals.ByCurrency)
{
    kpis.AddRow($"Average ticket ({currency.Currency})", string.Create(CultureInfo.InvariantCulture, $"{currency.AverageTicket.Mean:N0} (median {currency.AverageTicket.Median:N0})"));
    kpis.AddRow($"Open pipeline ({currency.Currency})", string.Create(CultureInfo.InvariantCulture, $"{currency.Pipeline.OpenValue:N0}"));
    kpis.AddRow($"Sales velocity ({currency.Currency} per day)", string.Create(CultureInfo.InvariantCulture, $"{currency.Velocity.ValuePerDay:N0}"));
}

kpis.AddRow("Sales cycle (median)", string.Create(CultureInfo.InvariantCulture, $"{report.Overall.SalesCycle.Length.Median?.TotalDays:0.0} days"));
AnsiConsole.Write(kpis);

var bySource = new Table().AddColumn("Source").AddColumn(new TableColumn("Leads").RightAligned()).AddColumn(new TableColumn("Reached MQL").RightAligned()).AddColumn(new TableColumn("Customers").RightAligned()).AddColumn(new TableColumn("Lead -> customer").RightAligned());
foreach (var source in report.BySource.OrderByDescending(s => s.Conversion.LeadToCustomer.Value ?? 0).ThenBy(s => s.Key.Label, StringComparer.Ordinal))
{
    bySource.AddRow(QuickstartReport.SourceLabel(source.Key), Labels.Count(source.Conversion.Leads), Labels.Count(source.Conversion.Waterfall[0].Rate.Numerator), Labels.Count(source.Conversion.LeadToCustomer.Numerator), Labels.Percent(source.Conversion.LeadToCustomer.Value));
}

AnsiConsole.Write(bySource);

Heading("How these numbers fit together");
foreach (var note in result.Notes)
{
    Say("- " + note);
}

Say($"- {recycled} lost opportunities can be recycled into new leads with the source '{Labels.Of(LeadSource.RecycledOpportunity)}'.");

var written = ReportWriter.Write(options.OutputDirectory, result);
AnsiConsole.WriteLine();
Say("Report written:");
foreach (var path in written)
{
    Say("  " + Path.GetFullPath(path));
}

return 0;
