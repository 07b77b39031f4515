using LeadKit.Abstractions.Common;
using LeadKit.Abstractions.Engagement;
using LeadKit.Abstractions.Funnel;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Qualification;
using LeadKit.Abstractions.Sales;
using LeadKit.Abstractions.Scoring;
using LeadKit.Abstractions.Sources;
using LeadKit.Funnel.Assignment;
using LeadKit.Funnel.Definitions;
using LeadKit.Funnel.State;
using LeadKit.Metrics.Inputs;
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

// Built-in, deterministic demo data: the same seed gives the same leads (and the same report) on every machine.
var now = new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
var leads = DemoLeads.Generate(options.Leads, options.Seed, now);
AnsiConsole.Write(new Rule("[bold]LeadKit quickstart[/]").LeftJustified());
AnsiConsole.MarkupLine($"{leads.Count} demo leads (seed {options.Seed}) created over the six months before {now:yyyy-MM-dd}.");

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

AnsiConsole.WriteLine();
AnsiConsole.Write(new Rule("Scoring: three demo leads, explained").LeftJustified());
foreach (var lead in leads.Take(3))
{
    var a = assessor.Explain(lead, now);
    AnsiConsole.MarkupLineInterpolated($"[bold]{lead.Id}[/] ({lead.Source}): total [bold]{a.Score.Total:0.#}[/] (fit {a.Score.Fit:0.#}, engagement {a.Score.Engagement:0.#}), {a.Temperature}, {a.Qualification.Level} - {a.Qualification.Reason}, grade {a.Grade}");
    AnsiConsole.WriteLine(a.ScoreCard?.ToString() ?? string.Empty);
}

var assessments = new List<(Lead Lead, LeadAssessment Assessment)>(leads.Count);
AnsiConsole.Progress().Start(progress =>
{
    var task = progress.AddTask("Scoring every lead", maxValue: leads.Count);
    foreach (var lead in leads)
    {
        assessments.Add((lead, assessor.Assess(lead, now)));
        task.Increment(1);
    }
});

var mix = new Table().AddColumn("Temperature").AddColumn(new TableColumn("Leads").RightAligned()).AddColumn("Qualification").AddColumn(new TableColumn("Leads").RightAligned());
var temperatures = assessments.GroupBy(x => x.Assessment.Temperature).OrderBy(g => g.Key).ToList();
var levels = assessments.GroupBy(x => x.Assessment.Qualification.Level).OrderBy(g => g.Key).ToList();
for (var i = 0; i < Math.Max(temperatures.Count, levels.Count); i++)
{
    mix.AddRow(
        i < temperatures.Count ? temperatures[i].Key.ToString() : string.Empty,
        i < temperatures.Count ? temperatures[i].Count().ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty,
        i < levels.Count ? levels[i].Key.ToString() : string.Empty,
        i < levels.Count ? levels[i].Count().ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty);
}

AnsiConsole.Write(mix);

// 2. Routing: a small inbound team, smooth weighted round robin (Ana takes twice the share of the others).
SalesRep[] reps =
[
    new() { Id = new SalesRepId("ana"), Name = "Ana", Weight = 2 },
    new() { Id = new SalesRepId("bruno"), Name = "Bruno" },
    new() { Id = new SalesRepId("carla"), Name = "Carla" },
];
var plan = new RoutingPlanBuilder(new AssignmentState())
    .AddReps(reps)
    .AddTeam(new SalesTeamId("inbound"), reps.Select(r => r.Id))
    .AddTeamStep(new SalesTeamId("inbound"), RepSelection.WeightedRoundRobin)
    .Build();
var owners = new Dictionary<LeadId, SalesRepId>();
foreach (var (lead, assessment) in assessments.Where(x => x.Assessment.Qualification.IsMarketingQualified))
{
    var result = plan.Assign(lead, now);
    if (result.RepId is { } rep)
    {
        owners[lead.Id] = rep;
    }
}

AnsiConsole.WriteLine();
AnsiConsole.Write(new Rule($"Routing: {owners.Count} qualified leads, weighted round robin (Ana has weight 2)").LeftJustified());
var routing = new BarChart().Width(60);
foreach (var group in owners.GroupBy(o => o.Value).OrderBy(g => g.Key.Value, StringComparer.Ordinal))
{
    routing.AddItem(group.Key.ToString(), group.Count(), Color.SteelBlue);
}

AnsiConsole.Write(routing);

// 3. Funnel: every lead walks the default funnel; the qualify steps ask the scoring model and the policy.
var funnel = DefaultFunnel.CreateQualified(model, policy);
var random = new Random(options.Seed);
var journeys = new List<LeadJourney>();
var deals = new List<Deal>();
var recycled = 0;
foreach (var (lead, assessment) in assessments)
{
    var at = lead.CreatedAt;
    var state = funnel.Start(lead.Id, at);
    var details = new TransitionDetails(Actor: "quickstart", Lead: lead);
    bool Step(FunnelTrigger trigger, double days, string? reason = null)
    {
        at = at.AddDays(days);
        var fired = funnel.Fire(state, trigger, at, details with { Reason = reason });
        if (fired.Outcome == FireOutcome.Accepted)
        {
            state = fired.State!;
            return true;
        }

        return false;
    }

    if (Step(FunnelTrigger.Qualify, 0.5) && Step(FunnelTrigger.Qualify, 1))
    {
        if (random.Next(5) == 0)
        {
            Step(FunnelTrigger.Reject, 1, "sales: not ready to buy");
        }
        else if (Step(FunnelTrigger.Accept, 1.5) && Step(FunnelTrigger.Qualify, 3) && Step(FunnelTrigger.Convert, 2))
        {
            var value = new Money(1_000m + random.Next(0, 40) * 250m, CurrencyCode.Eur);
            var opened = at;
            var won = random.NextDouble() < 0.25 + (assessment.Score.Total / 400);
            var daysToClose = 5 + random.Next(0, 40);
            var dealOwner = owners.TryGetValue(lead.Id, out var rep) ? rep : (SalesRepId?)null;
            if (at.AddDays(daysToClose) > now)
            {
                // Not decided yet on the report date: an open opportunity, part of the pipeline and of sales velocity.
                deals.Add(new Deal(new DealId($"D-{lead.Id}"), value, opened, DealStatus.Open, null, lead.Id, dealOwner));
            }
            else
            {
                Step(won ? FunnelTrigger.Win : FunnelTrigger.Lose, daysToClose);
                deals.Add(new Deal(new DealId($"D-{lead.Id}"), value, opened, won ? DealStatus.Won : DealStatus.Lost, at, lead.Id, dealOwner, lostReason: won ? null : "chose a competitor"));
                if (!won)
                {
                    recycled++;
                }
            }
        }
    }
    else if (assessment.Qualification.Disqualification == DisqualificationReason.NoBuyingIntent)
    {
        Step(FunnelTrigger.Disqualify, 1, "no buying intent");
    }

    journeys.Add(new LeadJourney(lead.Id, lead.Source, lead.CreatedAt, state.History, owners.TryGetValue(lead.Id, out var owner) ? owner : null, funnel.InitialStage));
}

AnsiConsole.WriteLine();
AnsiConsole.Write(new Rule("Funnel: where the leads are now").LeftJustified());
var stages = new BarChart().Width(60);
foreach (var group in journeys.GroupBy(j => j.Changes.Count == 0 ? funnel.InitialStage : j.Changes[^1].To).OrderByDescending(g => g.Count()))
{
    stages.AddItem(group.Key.ToString(), group.Count(), Color.SeaGreen2);
}

AnsiConsole.Write(stages);
AnsiConsole.MarkupLineInterpolated($"({recycled} lost opportunities can be recycled into new leads with source '{LeadSource.RecycledOpportunity}')");

// 4. KPIs: one call computes the whole funnel report.
var report = new FunnelReportCalculator(new FunnelReportOptions()).Calculate(journeys, deals);
AnsiConsole.WriteLine();
AnsiConsole.Write(new Rule("KPIs").LeftJustified());
var kpis = new Table().AddColumn("KPI").AddColumn("Value");
kpis.AddRow("Lead -> customer", Markup.Escape(report.Overall.Conversion.LeadToCustomer.ToString()));
foreach (var step in report.Overall.Conversion.Waterfall)
{
    kpis.AddRow(Markup.Escape($"  {step.From} -> {step.To}"), Markup.Escape(step.Rate.ToString()));
}

foreach (var currency in report.Overall.Deals.ByCurrency)
{
    kpis.AddRow("Win rate", Markup.Escape(currency.WinRate.ByCount.ToString()));
    kpis.AddRow("Average ticket", Markup.Escape($"{currency.AverageTicket.Mean:0.00} {currency.Currency} (median {currency.AverageTicket.Median:0.00})"));
    kpis.AddRow("Sales velocity", Markup.Escape($"{currency.Velocity.ValuePerDay:0.00} {currency.Currency} per day"));
}

kpis.AddRow("Sales cycle (median)", Markup.Escape($"{report.Overall.SalesCycle.Length.Median?.TotalDays:0.0} days"));
AnsiConsole.Write(kpis);

var bySource = new Table().AddColumn("Source").AddColumn(new TableColumn("Leads").RightAligned()).AddColumn("Lead -> customer");
foreach (var source in report.BySource.OrderByDescending(s => s.Conversion.LeadToCustomer.Value ?? 0))
{
    bySource.AddRow(Markup.Escape(source.Key.Label), source.Conversion.Leads.ToString(System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(source.Conversion.LeadToCustomer.ToString()));
}

AnsiConsole.Write(bySource);

var reportPath = ReportWriter.Write(options.OutputDirectory, report, funnel, options.Seed);
AnsiConsole.WriteLine();
AnsiConsole.MarkupLineInterpolated($"Report written to [link]{Path.GetFullPath(reportPath)}[/] (with funnel.svg beside it).");
return 0;
