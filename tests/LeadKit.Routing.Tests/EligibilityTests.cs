using LeadKit.Abstractions.Routing;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Abstractions.Sales;
using LeadKit.Routing;
using static LeadKit.Routing.Tests.Routing;

namespace LeadKit.Routing.Tests;

public sealed class EligibilityTests
{
    [Fact]
    public void PeriodCapacity_TwoPerMonth_ColleagueTakesOverUntilNextMonth()
    {
        var state = new TestLedger();
        var plan = TeamPlan(state, RepSelection.RoundRobin, Rep("ana", maxPerPeriod: 2), Rep("bruno"));
        var june = new DateTimeOffset(2026, 6, 30, 12, 0, 0, TimeSpan.Zero);

        Assert.Equal(new[] { "ana", "bruno", "ana", "bruno", "bruno" }, Enumerable.Range(0, 5).Select(_ => plan.RouteTo(at: june)!).ToArray());
        Assert.Equal(Counters(2, 2, new DateOnly(2026, 6, 1), 2), state.GetCounters(Id("ana")));

        Assert.Equal("ana", plan.RouteTo(at: june.AddDays(1))); // 1 July: a new period
        Assert.Equal(Counters(3, 3, new DateOnly(2026, 7, 1), 1), state.GetCounters(Id("ana")));
    }

    [Fact]
    public void PeriodCapacity_RepTimeZone_DayStartsAtLocalMidnight()
    {
        var saoPaulo = new RepAvailability { TimeZoneId = "America/Sao_Paulo" }; // UTC-3, no daylight saving since 2019
        var state = new TestLedger();
        var plan = Plan(state, b =>
        {
            b.Options.CapacityPeriod = CapacityPeriod.Day;
            b.AddRep(Rep("sp", maxPerPeriod: 1, availability: saoPaulo)).AddAllReps(RepSelection.RoundRobin);
        });

        Assert.Equal("sp", plan.RouteTo(at: new DateTimeOffset(2026, 6, 2, 1, 0, 0, TimeSpan.Zero)));   // 1 June, 22:00 local
        Assert.Null(plan.RouteTo(at: new DateTimeOffset(2026, 6, 2, 2, 59, 0, TimeSpan.Zero)));         // still 1 June locally
        Assert.Equal("sp", plan.RouteTo(at: new DateTimeOffset(2026, 6, 2, 3, 0, 0, TimeSpan.Zero)));   // 2 June, 00:00 local
    }

    [Fact]
    public void PeriodCapacity_Week_CountsFromMonday()
    {
        var state = new TestLedger();
        var plan = Plan(state, b =>
        {
            b.Options.CapacityPeriod = CapacityPeriod.Week;
            b.AddRep(Rep("ana", maxPerPeriod: 1)).AddAllReps(RepSelection.RoundRobin);
        });

        Assert.Equal("ana", plan.RouteTo(at: new DateTimeOffset(2026, 6, 7, 23, 0, 0, TimeSpan.Zero))); // Sunday
        Assert.Equal(new DateOnly(2026, 6, 1), state.GetCounters(Id("ana")).PeriodStart);
        Assert.Equal("ana", plan.RouteTo(at: new DateTimeOffset(2026, 6, 8, 0, 0, 0, TimeSpan.Zero)));  // Monday: new week
    }

    [Fact]
    public void Availability_OutOfOffice_SkippedAndExplained()
    {
        var plan = TeamPlan(new TestLedger(), RepSelection.RoundRobin, Rep("ana", availability: OutOfOfficeAround(Now)), Rep("bruno"));

        var (result, explanation) = plan.Explain(AnyLead());

        Assert.Equal(Id("bruno"), result.RepId);
        Assert.Contains(Skipped(Id("ana"), "team:t", RepSkipReason.OutOfOffice), explanation.Skipped);
    }

    [Fact]
    public void Availability_WorkingHoursInRepTimeZone_DecideAvailability()
    {
        var berlin = new RepAvailability
        {
            TimeZoneId = "Europe/Berlin",
            WorkingHours = [new WorkingHoursWindow(DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(17, 0))],
        };
        var plan = TeamPlan(new TestLedger(), RepSelection.RoundRobin, Rep("lena", availability: berlin));

        Assert.Equal("lena", plan.RouteTo(at: Now)); // Monday 12:00 UTC = 14:00 in Berlin (summer time)
        var (result, explanation) = plan.Explain(AnyLead(), Now.AddHours(4)); // 18:00 in Berlin
        Assert.False(result.IsAssigned);
        Assert.Equal(UnassignedReason.NoEligibleRep, result.Reason);
        Assert.Equal(RepSkipReason.OutsideWorkingHours, Assert.Single(explanation.Skipped).Reason);
    }

    [Fact]
    public void Availability_NotRespected_OutOfOfficeRepStillChosen()
    {
        var plan = Plan(new TestLedger(), b =>
        {
            b.Options.RespectAvailability = false;
            b.AddRep(Rep("ana", availability: OutOfOfficeAround(Now))).AddAllReps(RepSelection.RoundRobin);
        });

        Assert.Equal("ana", plan.RouteTo());
    }

    [Fact]
    public void OpenLeadCapacity_ReleasedLead_FreesCapacity()
    {
        var state = new TestLedger();
        var plan = TeamPlan(state, RepSelection.RoundRobin, Rep("ana", maxOpen: 1));
        Assert.Equal("ana", plan.RouteTo());
        Assert.Null(plan.RouteTo());

        state.ReleaseLead(Id("ana"));

        Assert.Equal("ana", plan.RouteTo());
        Assert.Equal(2, state.GetCounters(Id("ana")).Assigned);
    }

    [Fact]
    public void ReleaseLead_NoOpenLeads_ThrowsWithoutNamingTheRepAndLeavesNoTrace()
    {
        var state = new TestLedger();
        var error = Assert.Throws<InvalidOperationException>(() => state.ReleaseLead(Id("ana@example.com")));

        Assert.DoesNotContain("ana", error.Message, StringComparison.Ordinal); // ids are often e-mail addresses
        Assert.Equal(new TestLedger().ToJson(), state.ToJson());
    }

    [Fact]
    public void ApplicationFilter_ExcludesRep_SkippedWithReason()
    {
        var plan = Plan(new TestLedger(), b => b
            .AddReps([Rep("probation"), Rep("senior")])
            .AddFilter(new NoProbationOnReferrals())
            .AddAllReps(RepSelection.RoundRobin));

        var (result, explanation) = plan.Explain(Testing.LeadBuilder.New().From(Abstractions.Sources.LeadSource.Referral).Build());

        Assert.Equal(Id("senior"), result.RepId);
        Assert.Equal(RepSkipReason.ExcludedByFilter, Assert.Single(explanation.Skipped).Reason);
    }

    [Fact]
    public void SalesRep_InvalidRoutingAttributes_ThrowNamingTheProperty()
    {
        Assert.Equal("Weight", Assert.Throws<ArgumentOutOfRangeException>(() => Rep("a", weight: 0)).ParamName);
        Assert.Equal("MaxOpenLeads", Assert.Throws<ArgumentOutOfRangeException>(() => Rep("a", maxOpen: 0)).ParamName);
        Assert.Equal("Languages", Assert.Throws<ArgumentException>(() => Rep("a") with { Languages = ["EN"] }).ParamName);
        Assert.Equal("TimeZoneId", Assert.Throws<ArgumentException>(() => new RepAvailability { TimeZoneId = "Mars/Olympus" }).ParamName);
        Assert.Throws<ArgumentException>(() => new WorkingHoursWindow(DayOfWeek.Monday, new TimeOnly(17, 0), new TimeOnly(9, 0)));
    }

    private sealed class NoProbationOnReferrals : IRepFilter
    {
        public bool IsEligible(SalesRep rep, in RoutingContext context)
            => !(rep.Id.Value == "probation" && context.Lead.Source == Abstractions.Sources.LeadSource.Referral);
    }
}
