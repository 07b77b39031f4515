using BenchmarkDotNet.Attributes;
using LeadKit.Abstractions.Engagement;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Sources;
using LeadKit.Benchmarks.Peers;
using LeadKit.Learning.Scorecards;
using static LeadKit.Benchmarks.Learning.LearningConditions;

namespace LeadKit.Benchmarks.Learning;

/// <summary>
/// Scores 1,000 leads with a learned 30-condition scorecard and with the same conditions and points written by hand
/// (the baseline). Target: the learned scorecard at the speed of the hand-written one.
/// </summary>
[MemoryDiagnoser]
public class LearnedScorecardScoringBenchmarks
{
    private const int Leads = 1000;
    private Lead[] _leads = null!;
    private LearnedScorecard _scorecard = null!;
    private int[] _points = null!;
    private int _base;

    [GlobalSetup]
    public void Setup()
    {
        _scorecard = new ScorecardTrainer(All).Train(History(20_000, seed: 45));
        _leads = PeerLeadGenerator.Generate(Leads, seed: 46);
        _points = [.. _scorecard.Entries.Select(e => e.Points)];
        _base = _scorecard.BasePoints;
        for (var i = 0; i < _leads.Length; i++)
        {
            if (HandWritten(_leads[i], PeerLeadGenerator.AsOf) != _scorecard.Score(_leads[i], PeerLeadGenerator.AsOf).Total)
            {
                throw new InvalidOperationException($"The hand-written scorecard disagrees with the learned one on lead {i}.");
            }
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Leads, Description = "Hand-written 30 conditions")]
    public double HandWrittenBaseline()
    {
        double sum = 0;
        foreach (var lead in _leads)
        {
            sum += HandWritten(lead, PeerLeadGenerator.AsOf);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Leads, Description = "Learned scorecard 30 conditions")]
    public double Learned()
    {
        double sum = 0;
        foreach (var lead in _leads)
        {
            sum += _scorecard.Score(lead, PeerLeadGenerator.AsOf).Total;
        }

        return sum;
    }

    /// <summary>What a developer would write by hand: one if per condition, the points as array constants.</summary>
    private double HandWritten(Lead lead, DateTimeOffset asOf)
    {
        var p = _points;
        var total = _base;
        var source = lead.Source;
        total += source == LeadSource.Referral ? p[0] : 0;
        total += source == LeadSource.PurchasedList ? p[1] : 0;
        total += source == LeadSource.Webinar ? p[2] : 0;
        total += source == LeadSource.LinkedIn ? p[3] : 0;
        total += source == LeadSource.TradeFair ? p[4] : 0;
        total += source == LeadSource.OrganicSearch ? p[5] : 0;
        var seniority = lead.Contact.Seniority;
        total += seniority >= Seniority.Manager ? p[6] : 0;
        total += seniority == Seniority.CLevel ? p[7] : 0;
        total += seniority == Seniority.Student ? p[8] : 0;
        total += seniority == Seniority.Unknown ? p[9] : 0;
        total += IndustryIs(lead, "software") ? p[10] : 0;
        total += IndustryIs(lead, "fintech") ? p[11] : 0;
        total += IndustryIs(lead, "retail") ? p[12] : 0;
        total += IndustryIs(lead, "health") ? p[13] : 0;
        var employees = lead.Company?.EmployeeCount;
        total += employees >= 50 ? p[14] : 0;
        total += employees >= 250 ? p[15] : 0;
        total += employees >= 1000 ? p[16] : 0;
        total += CountryIs(lead, "BR") ? p[17] : 0;
        total += CountryIs(lead, "US") ? p[18] : 0;
        total += CountryIs(lead, "DE") ? p[19] : 0;
        total += Did(lead, EngagementSignalKind.DemoRequested, asOf) ? p[20] : 0;
        total += Did(lead, EngagementSignalKind.PricingPageView, asOf) ? p[21] : 0;
        total += Did(lead, EngagementSignalKind.WebinarAttended, asOf) ? p[22] : 0;
        total += Did(lead, EngagementSignalKind.EmailClick, asOf) ? p[23] : 0;
        total += Did(lead, EngagementSignalKind.Unsubscribed, asOf) ? p[24] : 0;
        total += Did(lead, EngagementSignalKind.ChatStarted, asOf) ? p[25] : 0;
        total += lead.Bant.Budget == BantStatus.Confirmed ? p[26] : 0;
        total += lead.Timeframe.Kind == PurchaseTimeframeKind.Immediate ? p[27] : 0;
        total += IsFreeMail(lead) ? p[28] : 0;
        total += lead.Bant.Authority == BantStatus.Confirmed ? p[29] : 0;
        return total;
    }
}
