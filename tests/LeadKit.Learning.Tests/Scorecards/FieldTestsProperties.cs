using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadKit.Abstractions.Fields;
using LeadKit.Abstractions.Leads;
using LeadKit.Learning.Scorecards;
using LeadKit.Scoring.Rules;
using LeadKit.Testing;

namespace LeadKit.Learning.Tests.Scorecards;

/// <summary>
/// The scorecard's own fast tests (text equality, number ranges, named masks) against the reference semantics,
/// <see cref="FieldCondition.Matches"/>: random conditions on random leads, both scoring paths.
/// </summary>
public sealed class FieldTestsProperties
{
    private static readonly string[] Titles = ["cto", "Head of IT", "buyer"];

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 60)]
    public bool Scorecard_ScoresEveryLeadAsTheReferenceSemanticsOfItsConditions(ConditionsOnLeads sample)
    {
        var entries = sample.Conditions
            .Select((c, i) => new ScorecardEntry(LeadCondition.When("c" + i, AttributeCondition.From(c)), 0, points: ((i + 1) * 3) - 7, support: 0, won: 0))
            .ToImmutableArray();
        var scorecard = new LearnedScorecard(entries, 0, ScorecardScaling.Default, 0, 0);

        return sample.Leads.All(lead =>
        {
            var expected = scorecard.BasePoints + entries.Where(e => e.Condition.Attribute!.Definition.Matches(lead)).Sum(e => e.Points);
            return scorecard.Score(lead, LeadBuilder.Now).Total == expected && scorecard.ScoreFromTables(lead, LeadBuilder.Now).Total == expected;
        });
    }

    /// <summary>Random conditions and leads.</summary>
    public sealed record ConditionsOnLeads(IReadOnlyList<FieldCondition> Conditions, IReadOnlyList<Lead> Leads)
    {
        public override string ToString() => string.Join(" | ", Conditions) + " ON " + string.Join(", ", Leads.Select(l => $"{l.Company?.EmployeeCount}/{l.Contact.Seniority}/{l.Contact.JobTitle}"));
    }

    public static class Arbitraries
    {
        public static Arbitrary<ConditionsOnLeads> ConditionsOnLeads() =>
            (from conditions in Gen.ListOf(Condition()).Where(l => l.Count is > 0 and < 12)
             from leads in Gen.ListOf(Lead()).Where(l => l.Count > 0)
             select new ConditionsOnLeads([.. conditions], [.. leads]))
            .ToArbitrary();

        private static Gen<FieldCondition> Condition()
        {
            var bound = Gen.Choose(0, 60).Select(b => (double)b);
            var number =
                from op in Gen.Elements(FieldOperator.Equals, FieldOperator.AtLeast, FieldOperator.AtMost, FieldOperator.Between)
                from a in bound
                from b in bound
                select op switch
                {
                    FieldOperator.Equals => FieldCondition.Create(LeadField.EmployeeCount, op, min: a),
                    FieldOperator.AtLeast => FieldCondition.Create(LeadField.EmployeeCount, op, min: a),
                    FieldOperator.AtMost => FieldCondition.Create(LeadField.EmployeeCount, op, max: a),
                    _ => FieldCondition.Create(LeadField.EmployeeCount, op, min: Math.Min(a, b), max: Math.Max(a, b)),
                };
            var named =
                from op in Gen.Elements(FieldOperator.Equals, FieldOperator.In, FieldOperator.NotEquals, FieldOperator.NotIn)
                from values in Gen.SubListOf(Enum.GetNames<Seniority>()).Where(v => v.Count > 0)
                select FieldCondition.Create(LeadField.Seniority, op, op is FieldOperator.Equals or FieldOperator.NotEquals ? [values[0]] : [.. values]);
            var text =
                from op in Gen.Elements(FieldOperator.Equals, FieldOperator.NotExists, FieldOperator.Contains)
                from title in Gen.Elements(Titles)
                from upper in Gen.Elements(true, false)
                select op == FieldOperator.NotExists
                    ? FieldCondition.Create(LeadField.JobTitle, op)
                    : FieldCondition.Create(LeadField.JobTitle, op, [upper ? title.ToUpperInvariant() : title]);
            var exists = Gen.Constant(FieldCondition.Create(LeadField.EmployeeCount, FieldOperator.NotExists));
            return Gen.OneOf(number, named, text, exists);
        }

        private static Gen<Lead> Lead() =>
            from employees in Gen.Choose(-1, 60)
            from seniority in Gen.Elements(Enum.GetValues<Seniority>())
            from title in Gen.Elements([null, .. Titles, "CTO", "head of it"])
            select Build(employees, seniority, title);

        private static Lead Build(int employees, Seniority seniority, string? title)
        {
            var builder = LeadBuilder.New().WithContact(jobTitle: title, seniority: seniority);
            if (employees >= 0)
            {
                builder.AtCompany(employees: employees);
            }

            return builder.Build();
        }
    }
}
