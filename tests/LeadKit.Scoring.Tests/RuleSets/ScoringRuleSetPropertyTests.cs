using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadKit.Abstractions.Configuration;
using LeadKit.Scoring.Model;
using LeadKit.Scoring.RuleSets;
using LeadKit.Testing;

namespace LeadKit.Scoring.Tests.RuleSets;

[Properties(Arbitrary = [typeof(Arbitraries)])]
public class ScoringRuleSetPropertyTests
{
    private static readonly Abstractions.Leads.Lead[] Leads = TestLeads.Generate(200, seed: 3);

    [Property(MaxTest = 100)]
    public bool ToJson_AnyValidRuleSet_RoundTripsToAnEquivalentRuleSet(ValidDocument document)
    {
        var first = ScoringRuleSet.Parse(document.Json);
        var json = first.ToJson();
        var second = ScoringRuleSet.Parse(json);
        return json == second.ToJson()
            && Leads.All(l => first.Model.Score(l, LeadBuilder.Now) == second.Model.Score(l, LeadBuilder.Now));
    }

    [Property(MaxTest = 500)]
    public bool Parse_MalformedJson_OnlyEverThrowsTheDocumentedException(MalformedDocument document)
    {
        try
        {
            ScoringRuleSet.Parse(document.Json);
            return true;
        }
        catch (ConfigurationException ex)
        {
            return ex.Problems.Length > 0 && ex.Problems.All(p => p.Path.StartsWith('$') && p.Message.Length > 0);
        }
    }

    public sealed record ValidDocument(string Json)
    {
        public override string ToString() => Json;
    }

    public sealed record MalformedDocument(string Json)
    {
        public override string ToString() => Json;
    }

    public static class Arbitraries
    {
        private static readonly string[] Signals = ["page_view", "pricing_page_view", "email_click", "demo_requested", "webinar_attended"];
        private static readonly string[] Decays =
        [
            "null", """{ "type": "none" }""", """{ "type": "linear", "lifetimeDays": 45 }""", """{ "type": "exponential", "halfLifeDays": 12.5 }""",
            """{ "type": "slidingWindow", "windowDays": 30 }""", """{ "type": "step", "steps": [ { "afterDays": 7, "factor": 0.5 }, { "afterDays": 30, "factor": 0.1 } ] }""",
        ];

        private static readonly string[] Conditions =
        [
            """{ "field": "company.industry", "op": "in", "values": ["software", "retail"] }""",
            """{ "field": "company.employeeCount", "op": "between", "min": 10, "max": 900 }""",
            """{ "field": "contact.seniority", "op": "notIn", "values": ["student", "entry"] }""",
            """{ "field": "contact.emailIsFreeMail", "op": "isFalse" }""",
            """{ "any": [ { "field": "timeframe.kind", "op": "equals", "value": "immediate" }, { "not": { "field": "company.country", "op": "exists" } } ] }""",
            """{ "field": "custom", "key": "plan", "op": "startsWith", "values": ["pro"] }""",
        ];

        public static Arbitrary<ValidDocument> ValidDocuments() => Arb.From(ValidGen);

        public static Arbitrary<MalformedDocument> MalformedDocuments() => Arb.From(Gen.OneOf(
            ValidGen.SelectMany(d => Mutate(d.Json)),
            Gen.Constant(ScoringRuleSetTests.ExampleJson).SelectMany(Mutate),
            Gen.Elements("{}[]\",:0123456789.eE-+ truefalsnul\\/\u00e9\n".ToCharArray()).ArrayOf().Select(c => new MalformedDocument(new string(c)))));

        private static Gen<ValidDocument> ValidGen { get; } =
            from signalRules in Gen.Choose(0, 5).SelectMany(n => SignalRuleGen.ArrayOf(n))
            from attributeRules in Gen.Choose(0, 5).SelectMany(n => AttributeRuleGen.ArrayOf(n))
            from cap in Gen.Choose(0, 100)
            from decay in Gen.Elements(Decays)
            select new ValidDocument(Document(signalRules, attributeRules, cap, decay));

        private static Gen<string> SignalRuleGen { get; } =
            from signal in Gen.Elements(Signals)
            from points in Gen.Choose(-300, 300)
            from max in Gen.Choose(0, 5)
            from window in Gen.Choose(0, 90)
            from decay in Gen.Elements(Decays)
            from grouped in Gen.Elements(true, false)
            select $$"""{ "type": "signal", "signals": ["{{signal}}"], "points": {{(points / 10.0).ToString(CultureInfo.InvariantCulture)}}{{(max > 0 ? $", \"maxOccurrences\": {max}" : "")}}{{(window > 0 ? $", \"windowDays\": {window}" : "")}}{{(decay == "null" ? "" : ", \"decay\": " + decay)}}{{(grouped ? ", \"group\": \"web\"" : "")}}""";

        private static Gen<string> AttributeRuleGen { get; } =
            from condition in Gen.Elements(Conditions)
            from points in Gen.Choose(-50, 50)
            from engagement in Gen.Elements(true, false)
            select $$"""{ "type": "attribute", "points": {{points}}, "dimension": "{{(engagement ? "engagement" : "fit")}}", "when": {{condition}}""";

        private static string Document(string[] signalRules, string[] attributeRules, int cap, string decay)
        {
            var rules = signalRules.Concat(attributeRules).Select((r, i) => r + $", \"name\": \"rule_{i}\" }}");
            return $$"""
                {
                  "version": 1,
                  "name": "generated",
                  "limits": { "total": { "floor": 0, "cap": {{cap * 2}} } },
                  "groups": [ { "name": "web", "dimension": "engagement", "cap": {{cap}}{{(decay == "null" ? "" : ", \"decay\": " + decay)}} } ],
                  "rules": [ {{string.Join(",\n", rules)}} ]
                }
                """;
        }

        private static Gen<MalformedDocument> Mutate(string json) =>
            from position in Gen.Choose(0, json.Length - 1)
            from length in Gen.Choose(1, 20)
            from kind in Gen.Choose(0, 3)
            from c in Gen.Elements("{}[]\",:0-9.eE ntf\\x".ToCharArray())
            select new MalformedDocument(kind switch
            {
                0 => json.Remove(position, Math.Min(length, json.Length - position)),
                1 => json.Insert(position, c.ToString()),
                2 => json[..position],
                _ => json.Insert(position, json.Substring(position, Math.Min(length, json.Length - position))),
            });
    }
}
