using System.Globalization;
using RulesEngine.Models;
using static LeadKit.Benchmarks.Peers.ReferenceRules;

namespace LeadKit.Benchmarks.Peers;

/// <summary>
/// The reference rules as a Microsoft RulesEngine workflow: one rule per condition, an expression string over the
/// flattened lead, and the points as the rule's <c>OutputExpression</c> action. The total is the sum of the outputs
/// of the rules that succeeded.
/// </summary>
public sealed class RulesEngineScorer
{
    private const string WorkflowName = "LeadScoring";
    private readonly RulesEngine.RulesEngine _engine;

    private RulesEngineScorer(RulesEngine.RulesEngine engine) => _engine = engine;

    /// <summary>Builds the workflow and the engine (rules are compiled lazily, on first execution).</summary>
    /// <returns>The scorer.</returns>
    public static RulesEngineScorer Create()
    {
        var rules = new List<Rule>
        {
            Points("company_size_large", $"lead.EmployeeCount >= {LargeEmployees}", LargePoints),
            Points("company_size_mid", $"lead.EmployeeCount >= {MidSizeEmployees} AND lead.EmployeeCount < {LargeEmployees}", MidSizePoints),
            Points("target_industry", AnyEquals("lead.Industry", TargetIndustries), TargetIndustryPoints),
            Points("senior_title", AnyContains("lead.JobTitle", SeniorTitleWords), SeniorTitlePoints),
            Points("target_country", AnyEquals("lead.Country", TargetCountries), TargetCountryPoints),
            Points("business_email", "lead.EmailDomain != \"\" AND NOT (" + AnyEquals("lead.EmailDomain", FreeMailDomains) + ")", BusinessEmailPoints),
            Points("budget_confirmed", "lead.BudgetConfirmed", BudgetConfirmedPoints),
            Points("student_or_job_seeker", AnyContains("lead.JobTitle", StudentOrJobSeekerWords), StudentOrJobSeekerPoints),
            Points("referral", "lead.Source == \"referral\"", ReferralPoints),
            Points("purchased_list", "lead.Source == \"purchased_list\"", PurchasedListPoints),
            Points("competitor", AnyEquals("lead.CompanyDomain", CompetitorDomains), CompetitorPoints),
            new()
            {
                RuleName = "pricing_page_views",
                Expression = "lead.PricingViews > 0",
                Actions = Output($"Math.Min(lead.PricingViews, {PricingViewMaximumCount}) * {Number(PricingViewPoints)}"),
            },
            Points("demo_requested", "lead.DemoRequests > 0", DemoRequestedPoints),
            Points("webinar_attended", "lead.WebinarsAttended > 0", WebinarAttendedPoints),
            Points("email_clicks", $"lead.EmailClicks >= {EmailClickThreshold}", EmailClicksPoints),
            Points("recent_visits", $"lead.VisitsLast30Days >= {VisitThreshold}", VisitsPoints),
            Points("chat_started", "lead.ChatsStarted > 0", ChatStartedPoints),
            Points("unsubscribed", "lead.Unsubscribes > 0", UnsubscribedPoints),
            Points("bounced", "lead.Bounces > 0", BouncedPoints),
            Points("inactive", "lead.SignalsLast90Days == 0", InactivityPoints),
            Points("immediate_timeframe", "lead.ImmediateTimeframe", ImmediateTimeframePoints),
        };

        var workflow = new Workflow { WorkflowName = WorkflowName, Rules = rules };
        return new RulesEngineScorer(new RulesEngine.RulesEngine([workflow], new ReSettings()));
    }

    /// <summary>Scores one flattened lead.</summary>
    /// <param name="lead">The flattened lead.</param>
    /// <returns>The total points.</returns>
    public double Score(FlatLead lead)
    {
        var results = _engine.ExecuteAllRulesAsync(WorkflowName, new RuleParameter("lead", lead)).AsTask().GetAwaiter().GetResult();
        double total = 0;
        foreach (var result in results)
        {
            if (result.IsSuccess)
            {
                if (result.ActionResult?.Exception is { } error)
                {
                    throw new InvalidOperationException($"RulesEngine rule {result.Rule.RuleName} failed: {error.Message}", error);
                }

                total += Convert.ToDouble(result.ActionResult!.Output, CultureInfo.InvariantCulture);
            }
            else if (!string.IsNullOrEmpty(result.ExceptionMessage))
            {
                throw new InvalidOperationException($"RulesEngine rule {result.Rule.RuleName} failed: {result.ExceptionMessage}");
            }
        }

        return total;
    }

    private static Rule Points(string name, string expression, double points) => new()
    {
        RuleName = name,
        Expression = expression,
        Actions = Output(Number(points)),
    };

    private static RuleActions Output(string expression) => new()
    {
        OnSuccess = new ActionInfo { Name = "OutputExpression", Context = new Dictionary<string, object> { ["Expression"] = expression } },
    };

    private static string Number(double points) => points.ToString("0.0###", CultureInfo.InvariantCulture);

    private static string AnyEquals(string member, string[] values) => string.Join(" OR ", values.Select(v => $"{member} == \"{v}\""));

    private static string AnyContains(string member, string[] values) => string.Join(" OR ", values.Select(v => $"{member}.Contains(\"{v}\")"));
}
