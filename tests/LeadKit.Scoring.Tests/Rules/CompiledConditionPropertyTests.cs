using System.Collections.Immutable;
using System.Linq.Expressions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadKit.Abstractions.Fields;
using LeadKit.Abstractions.Leads;
using LeadKit.Scoring.Rules;
using LeadKit.Testing;

namespace LeadKit.Scoring.Tests.Rules;

/// <summary>
/// One semantics, three implementations: the compiled condition nodes (<see cref="AttributeCondition.Matches"/>) and
/// their expressions (<c>ToExpression</c>, used by compiled models) against the reference semantics in Abstractions
/// (<see cref="FieldCondition.Matches"/>, which the generic node runs): every field (custom attributes of every value
/// kind included) times every operator (including operators invalid for the field), value lists with case variants of
/// text (ASCII and not), missing values, numbers on and next to their bounds, and nesting.
/// </summary>
[Properties(Arbitrary = [typeof(Arbitraries)])]
public class CompiledConditionPropertyTests
{
    private static readonly LeadField[] Fields = [.. Enum.GetValues<LeadField>().Where(f => f is not LeadField.None)];

    private static readonly CustomFieldKey Seats = new("seats");

    private static readonly FieldOperator[] Operators = [.. Enum.GetValues<FieldOperator>().Where(o => o is not FieldOperator.None and not FieldOperator.All and not FieldOperator.Any and not FieldOperator.Not)];

    private static readonly string[] Words =
    [
        "software", "SOFTWARE", "retail", "BR", "br", "DE", "firm.example", "gmail.com", "head of", "Sales", "student",
        "Director", "director", "CLevel", "Immediate", "WithinDays", "Confirmed", "Denied", "Unknown", "referral", "pt", "SP", "x",
    ];

    /// <summary>Every field times every operator that tests a field: the pairs the differential theory runs.</summary>
    public static TheoryData<LeadField, FieldOperator> EveryFieldAndOperator
    {
        get
        {
            var data = new TheoryData<LeadField, FieldOperator>();
            foreach (var f in Fields)
            {
                foreach (var op in Operators)
                {
                    data.Add(f, op);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(EveryFieldAndOperator))]
    public void Matches_EveryFieldAndOperator_ThreeImplementationsAgreeWithTheReference(LeadField field, FieldOperator op)
    {
        // A fixed seed per pair keeps the run deterministic; the corpus covers missing values and case variants.
        var seed = (ulong)(((int)field * 64) + (int)op);
        var conditions = Arbitraries.LeafFor(field, op).Sample(20, new Rnd(seed), 25);
        var leads = Arbitraries.LeadCorpus.Sample(20, new Rnd(seed + 1), 60);
        var parameter = Expression.Parameter(typeof(Lead), "lead");
        foreach (var condition in conditions)
        {
            var expression = Expression.Lambda<Func<Lead, bool>>(condition.Compiled.ToExpression(parameter), parameter).Compile();
            foreach (var lead in leads)
            {
                var expected = condition.Definition.Matches(lead);
                Assert.True(expected == condition.Matches(lead), $"compiled node differs from the reference for {condition}");
                Assert.True(expected == expression(lead), $"compiled expression differs from the reference for {condition}");
            }
        }
    }

    [Property(MaxTest = 500)]
    public bool Matches_AnyConditionAndLead_AgreesWithTheGenericSemantics(AttributeCondition condition, Lead lead)
        => condition.Matches(lead) == condition.Definition.Matches(lead);

    [Property(MaxTest = 300)]
    public bool ToExpression_AnyConditionAndLead_CompilesToTheGenericSemantics(AttributeCondition condition, Lead lead)
    {
        var parameter = Expression.Parameter(typeof(Lead), "lead");
        var compiled = Expression.Lambda<Func<Lead, bool>>(condition.Compiled.ToExpression(parameter), parameter).Compile();
        return compiled(lead) == condition.Definition.Matches(lead);
    }

    [Theory]
    [InlineData(49)]
    [InlineData(50)]
    [InlineData(51)]
    public void ToExpression_NumberOnItsBounds_CompilesToTheGenericSemantics(int employees)
    {
        var lead = LeadBuilder.New().AtCompany(employees: employees).Build();
        AttributeCondition[] conditions =
        [
            AttributeCondition.AtLeast(LeadField.EmployeeCount, 50),
            AttributeCondition.AtMost(LeadField.EmployeeCount, 50),
            AttributeCondition.Between(LeadField.EmployeeCount, 50, 50),
        ];
        var parameter = Expression.Parameter(typeof(Lead), "lead");
        foreach (var condition in conditions)
        {
            var compiled = Expression.Lambda<Func<Lead, bool>>(condition.Compiled.ToExpression(parameter), parameter).Compile();
            Assert.Equal(condition.Definition.Matches(lead), compiled(lead));
        }
    }

    [Theory]
    [InlineData("Head of Sales")]
    [InlineData("VP Revenue")]
    [InlineData("Student")]
    [InlineData("Chief Executive Officer")]
    [InlineData("Regional Director of Wholesales, Europe and Africa")]
    [InlineData(null)]
    public void ToExpression_TitleContains_CompilesToTheGenericSemantics(string? title)
    {
        var lead = LeadBuilder.New().WithContact(jobTitle: title).Build();
        var condition = AttributeCondition.Contains(LeadField.JobTitle, "sales", "revenue");
        var parameter = Expression.Parameter(typeof(Lead), "lead");
        var compiled = Expression.Lambda<Func<Lead, bool>>(condition.Compiled.ToExpression(parameter), parameter).Compile();
        Assert.Equal(condition.Definition.Matches(lead), compiled(lead));
        Assert.Equal(condition.Definition.Matches(lead), condition.Compiled.Matches(lead));
    }

    public static TheoryData<LeadField, FieldOperator> BooleanConditions => new()
    {
        { LeadField.DoNotContact, FieldOperator.IsTrue }, { LeadField.DoNotContact, FieldOperator.IsFalse },
        { LeadField.MarketingConsent, FieldOperator.IsTrue }, { LeadField.DoNotEmail, FieldOperator.IsTrue },
        { LeadField.DoNotCall, FieldOperator.IsFalse }, { LeadField.ExistingCustomer, FieldOperator.IsTrue },
        { LeadField.Recycled, FieldOperator.IsTrue }, { LeadField.EmailIsFreeMail, FieldOperator.IsTrue },
        { LeadField.EmailIsFreeMail, FieldOperator.IsFalse },
    };

    [Theory]
    [MemberData(nameof(BooleanConditions))]
    public void ToExpression_BooleanField_CompilesToTheGenericSemantics(LeadField field, FieldOperator op)
    {
        Lead[] leads =
        [
            LeadBuilder.New().WithConsent(new ContactConsent(false, false, false, false)).Build(),
            LeadBuilder.New().WithContact(email: "ana@gmail.com").DoNotContact().OfAccount("A1").Build(),
            LeadBuilder.New().WithContact(email: "bo@firm.example").WithConsent(new ContactConsent(true, false, true, true)).RecycledFrom("D1").Build(),
        ];
        var condition = AttributeCondition.Create(field, op, [], null, null, default);
        var parameter = Expression.Parameter(typeof(Lead), "lead");
        var compiled = Expression.Lambda<Func<Lead, bool>>(condition.Compiled.ToExpression(parameter), parameter).Compile();
        Assert.Equal([.. leads.Select(condition.Definition.Matches)], leads.Select(compiled));
        Assert.Contains(leads, lead => compiled(lead));
        Assert.Contains(leads, lead => !compiled(lead));
    }

    public static class Arbitraries
    {
        // Declared first: the generators below read it while the class initializes.
        private static readonly string[] TextValues =
        [
            "Straße", "STRASSE", "İstanbul", "istanbul", "ǅemal", "Kelvin", "ſales", "Ǆ", "en", "EN", "pt-BR", "Wholesale Director of Sales",
        ];

        public static Arbitrary<AttributeCondition> Conditions() => Arb.From(ConditionGen(2));

        public static Arbitrary<Lead> Leads() => Arb.From(LeadGen);

        // Bounds around the values leads have (0 included: a text custom value's Number is 0), or none.
        private static Gen<double?> Bounds { get; } = Gen.Elements<double?>(null, -1, 0, 1, 50, 250, 5000);

        /// <summary>Leads for the differential theory: the general generator and leads whose text fields hold case variants.</summary>
        public static Gen<Lead> LeadCorpus => Gen.Frequency((1, LeadGen), (1, TextLeadGen));

        // Bounds on and next to the values leads have (0 included: a text custom value's Number is 0), or none.
        private static Gen<double?> EdgeBounds { get; } = Gen.Elements<double?>(null, -1, 0, 0.5, 1, 30, 49.5, 50, 50.5, 249, 250, 251, 400, 5000, 6000);

        // Text operands: the words, their case variants (ASCII and not), empty text, and more than the set threshold.
        private static Gen<string> Word { get; } = Gen.Elements(Words.Concat(TextValues).ToArray()).SelectMany(CaseVariant);

        private static Gen<string[]> ValueLists { get; } = Gen.Frequency(
            (1, Gen.Constant(Array.Empty<string>())),
            (4, Word.ArrayOf().Select(a => a.Take(4).ToArray())),
            (1, Word.ArrayOf().Select(a => a.Take(12).ToArray())),
            (1, Gen.Constant(new[] { string.Empty })));

        /// <summary>Conditions on one field and operator with random operands, the field's own value kinds included.</summary>
        public static Gen<AttributeCondition> LeafFor(LeadField field, FieldOperator op) =>
            from values in ValueLists
            from named in Gen.Elements(LeadFields.NamedValues(field).IsEmpty ? ["none"] : LeadFields.NamedValues(field).ToArray()).SelectMany(CaseVariant).ArrayOf()
            from useNamed in Gen.Elements(true, false)
            from min in EdgeBounds
            from max in EdgeBounds
            select AttributeCondition.Create(field, op, [.. useNamed && named.Length > 0 ? named.Take(4) : values], min, max, field == LeadField.Custom ? Seats : default);

        private static Gen<string> CaseVariant(string text) => Gen.Elements(text, text.ToUpperInvariant(), text.ToLowerInvariant(), Flip(text));

        private static string Flip(string text) => string.Create(text.Length, text, static (span, t) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = i % 2 == 0 ? char.ToUpperInvariant(t[i]) : char.ToLowerInvariant(t[i]);
            }
        });

        private static Gen<AttributeCondition> LeafGen { get; } =
            from field in Gen.Frequency((3, Gen.Elements(Fields)), (1, Gen.Constant(LeadField.Custom)))
            from op in Gen.Elements(Operators)
            from values in Gen.Frequency((1, Gen.Constant(Array.Empty<string>())), (3, Gen.Elements(Words).ArrayOf().Select(a => a.Take(10).ToArray())))
            from min in Bounds
            from max in Bounds
            select AttributeCondition.Create(field, op, [.. values], min, max, field == LeadField.Custom ? Seats : default);

        private static Gen<string?> Text => Maybe(Gen.Elements(Words.Concat(TextValues).ToArray()).SelectMany(CaseVariant));

        // Free-text fields (title, region, text custom values) from the words and their case variants, or missing; fields the
        // domain model normalises (industry, language, country) from their valid values; numbers on the edge bounds.
        private static Gen<Lead> TextLeadGen { get; } =
            from title in Text
            from language in Maybe(Gen.Elements("en", "pt", "de"))
            from industry in Maybe(Gen.Elements("software", "retail", "health-care", "x"))
            from region in Text
            from country in Maybe(Gen.Elements("BR", "DE", "PT", "US"))
            from domain in Maybe(Gen.Elements("firm.example", "gmail.com", "yahoo.com"))
            from employees in Gen.Elements<int?>(null, 0, 1, 30, 49, 50, 51, 250, 251, 6000)
            from revenue in Gen.Elements<decimal?>(null, 0, 0.5m, 50, 50.5m, 5000)
            from days in Gen.Elements(0, 1, 30, 50, 400)
            from seats in Gen.OneOf(
                Gen.Constant<CustomFieldValue?>(null),
                Gen.Elements(-1.0, 0, 0.5, 1, 49.5, 50, 50.5, 250, 5000).Select(v => (CustomFieldValue?)CustomFieldValue.FromNumber(v)),
                Gen.Elements(Words.Concat(TextValues).ToArray()).SelectMany(CaseVariant).Select(w => (CustomFieldValue?)CustomFieldValue.FromText(w)))
            select BuildText(title, language, industry, region, country, domain, employees, revenue, days, seats);

        private static Lead BuildText(string? title, string? language, string? industry, string? region, string? country, string? domain, int? employees, decimal? revenue, int days, CustomFieldValue? seats)
        {
            var builder = LeadBuilder.New()
                .WithContact(email: domain is null ? null : "Ana@" + domain.ToUpperInvariant(), jobTitle: title, language: language)
                .AtCompany(employees: employees, industry: industry, country: country, region: region, domain: domain, annualRevenue: revenue)
                .WithTimeframe(days == 0 ? PurchaseTimeframe.Immediate : PurchaseTimeframe.WithinDays(days));
            return seats is { } value ? builder.WithField(Seats.Value!, value).Build() : builder.Build();
        }

        private static Gen<AttributeCondition> ConditionGen(int depth) => depth == 0
            ? LeafGen
            : Gen.Frequency(
                (4, LeafGen),
                (1, ConditionGen(depth - 1).ArrayOf().Select(a => AttributeCondition.All([.. a.Take(3)]))),
                (1, ConditionGen(depth - 1).ArrayOf().Select(a => AttributeCondition.Any([.. a.Take(3)]))),
                (1, ConditionGen(depth - 1).Select(AttributeCondition.Not)));

        private static Gen<T?> Maybe<T>(Gen<T> gen)
            where T : class => Gen.OneOf(Gen.Constant<T?>(null), gen.Select(v => (T?)v));

        private static Gen<Lead> LeadGen { get; } =
            from email in Maybe(Gen.Elements("ana@gmail.com", "bo@Firm.example", "cy@yahoo.com"))
            from title in Maybe(Gen.Elements("Head of Sales", "Student", "Software Director", "sales"))
            from seniority in Gen.Elements(Enum.GetValues<Seniority>())
            from company in Gen.Elements(true, false)
            from employees in Gen.Elements<int?>(null, 0, 1, 50, 249, 250, 5000, 6000)
            from industry in Maybe(Gen.Elements("software", "retail", "health"))
            from country in Maybe(Gen.Elements("BR", "DE", "PT"))
            from domain in Maybe(Gen.Elements("firm.example", "gmail.com"))
            from revenue in Gen.Elements<decimal?>(null, 0, 1, 50, 5000)
            from timeframe in Gen.Elements(PurchaseTimeframe.NotStated, PurchaseTimeframe.Immediate, PurchaseTimeframe.WithinDays(30), PurchaseTimeframe.WithinDays(400))
            from bant in Gen.Elements(Enum.GetValues<BantStatus>()).ArrayOf(4)
            from flags in Gen.Elements(true, false).ArrayOf(6)
            from seats in Gen.OneOf(
                Gen.Constant<CustomFieldValue?>(null),
                Gen.Elements(-1.0, 0, 1, 50, 250, 251, 5000).Select(v => (CustomFieldValue?)CustomFieldValue.FromNumber(v)),
                Gen.Elements(Words).Select(w => (CustomFieldValue?)CustomFieldValue.FromText(w)),
                Gen.Elements(true, false).Select(b => (CustomFieldValue?)CustomFieldValue.FromBoolean(b)),
                Gen.Constant((CustomFieldValue?)CustomFieldValue.FromDate(LeadBuilder.Now)))
            select Build(email, title, seniority, company, employees, industry, country, domain, revenue, timeframe, bant, flags, seats);

        private static Lead Build(string? email, string? title, Seniority seniority, bool company, int? employees, string? industry, string? country, string? domain, decimal? revenue, PurchaseTimeframe timeframe, BantStatus[] bant, bool[] flags, CustomFieldValue? seats)
        {
            var builder = LeadBuilder.New()
                .WithContact(email: email, jobTitle: title, seniority: seniority)
                .WithTimeframe(timeframe)
                .WithBant(bant[0], bant[1], bant[2], bant[3])
                .WithConsent(new ContactConsent(flags[0], flags[1], flags[2], flags[3]));
            if (company)
            {
                builder = builder.AtCompany(employees: employees, industry: industry, country: country, domain: domain, annualRevenue: revenue);
            }

            if (flags[4])
            {
                builder = builder.OfAccount("acct-1");
            }

            if (flags[5])
            {
                builder = builder.RecycledFrom("deal-1");
            }

            if (seats is { } value)
            {
                builder = builder.WithField(Seats.Value!, value);
            }

            return builder.Build();
        }
    }
}
