using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadKit.Abstractions.Configuration;
using LeadKit.Scoring.Model;
using LeadKit.Scoring.RuleSets;

namespace LeadKit.Scoring.Tests.RuleSets;

/// <summary>
/// Fuzzes the rule-set format with what the fuzzer of issue 17 found: null array entries, duplicate keys, a UTF-8 BOM,
/// invalid UTF-8 bytes and lone surrogates (raw and escaped). <c>TryParse</c> never throws; <c>Parse</c> throws only
/// <see cref="ConfigurationException"/>.
/// </summary>
[Properties(Arbitrary = [typeof(RuleSetFuzzTests.Arbitraries)])]
public class RuleSetFuzzTests
{
    [Property(MaxTest = 1000)]
    public bool TryParse_HostileText_NeverThrows_AndParseThrowsOnlyTheDocumentedException(HostileDocument document)
    {
        var fromText = ScoringRuleSet.TryParse(document.Text, null, out var textRuleSet, out var textProblems);
        var fromBytes = ScoringRuleSet.TryParse(document.Bytes, null, out var bytesRuleSet, out var bytesProblems);
        return Consistent(fromText, textRuleSet, textProblems) && Consistent(fromBytes, bytesRuleSet, bytesProblems)
            && ParseThrowsOnlyTheDocumentedException(() => ScoringRuleSet.Parse(document.Text))
            && ParseThrowsOnlyTheDocumentedException(() => ScoringRuleSet.Parse(document.Bytes, null));
    }

    private static bool Consistent(bool accepted, ScoringRuleSet? ruleSet, System.Collections.Immutable.ImmutableArray<ConfigurationProblem> problems)
        => accepted
            ? ruleSet is not null && problems.IsEmpty
            : ruleSet is null && !problems.IsEmpty && problems.All(p => p.Path.StartsWith('$') && p.Message.Length > 0);

    private static bool ParseThrowsOnlyTheDocumentedException(Func<ScoringRuleSet> parse)
    {
        try
        {
            return parse() is not null;
        }
        catch (ConfigurationException ex)
        {
            return !ex.Problems.IsEmpty;
        }
    }

    /// <summary>A mutated document, as text and as the bytes a file would hold (which may not be valid UTF-8).</summary>
    public sealed record HostileDocument(string Text, byte[] Bytes, string Mutations)
    {
        public override string ToString() => Mutations + ": " + Convert.ToHexString(Bytes);
    }

    public static class Arbitraries
    {
        private const string Base = """
            {
              "version": 1,
              "name": "fuzz",
              "limits": { "total": { "floor": 0, "cap": 200 } },
              "groups": [ { "name": "web", "dimension": "engagement", "cap": 30, "decay": { "type": "step", "steps": [ { "afterDays": 7, "factor": 0.5 } ] } } ],
              "rules": [
                { "name": "country", "type": "attribute", "points": 10, "when": { "all": [ { "field": "company.country", "op": "in", "values": ["DE", "BR"] }, { "field": "contact.seniority", "op": "equals", "value": "director" } ] } },
                { "name": "referral", "type": "source", "sources": { "referral": 20, "purchased_list": -10 } },
                { "name": "views", "type": "signal", "group": "web", "signals": ["page_view", "pricing_page_view"], "points": 2, "maxOccurrences": 5 },
                { "name": "mail", "type": "emailDomain", "businessPoints": 5, "freeMailPoints": -5, "freeMailDomains": ["gmail.com"] },
                { "name": "quiet", "type": "inactivity", "days": 60, "points": -15 }
              ],
              "thresholds": { "mql": { "rule": "total", "total": 50 } }
            }
            """;

        private static readonly string[] DuplicateKeys = ["\"name\": \"again\", ", "\"points\": 3, ", "\"rules\": [], ", "\"type\": \"signal\", ", "\"value\": \"x\", ", "\"values\": [], ", "\"referral\": 1, ", "\"kind\": \"none\", "];
        private static readonly string[] TextInsertions = ["\uD800", "\uDFFF", "\\ud800", "\\udc00x", "\\ud800\\ud800", "\uFEFF", "\u202E", "\u001b[31m", "\\u0000"];
        private static readonly byte[][] ByteInsertions = [[0xFF], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xE2, 0x82], [0xF4, 0x90, 0x80, 0x80], [0x80]];

        public static Arbitrary<HostileDocument> HostileDocuments() => Arb.From(
            from textMutations in Gen.Choose(0, 3).SelectMany(n => TextMutation.ListOf(n))
            from byteMutations in Gen.Choose(0, 2).SelectMany(n => ByteMutation.ListOf(n))
            from bom in Gen.Elements(false, true)
            select Build(textMutations, byteMutations, bom));

        private static Gen<Func<string, (string Text, string Name)>> TextMutation { get; } = Gen.OneOf(
            Gen.Choose(0, int.MaxValue).Select<int, Func<string, (string, string)>>(seed => json => (InsertAfter(json, '[', "null, ", seed), "null entry")),
            Gen.Choose(0, int.MaxValue).Select<int, Func<string, (string, string)>>(seed => json => (InsertAfter(json, '[', "null]", seed), "null last")),
            Gen.Choose(0, int.MaxValue).SelectMany(seed => Gen.Elements(DuplicateKeys).Select<string, Func<string, (string, string)>>(key => json => (InsertAfter(json, '{', key, seed), "duplicate " + key))),
            Gen.Choose(0, int.MaxValue).SelectMany(seed => Gen.Elements(TextInsertions).Select<string, Func<string, (string, string)>>(text => json => (InsertAfter(json, '"', text, seed), "text " + Convert.ToHexString(Encoding.Unicode.GetBytes(text))))));

        private static Gen<(int Seed, byte[] Bytes)> ByteMutation { get; } =
            from seed in Gen.Choose(0, int.MaxValue)
            from bytes in Gen.Elements(ByteInsertions)
            select (seed, bytes);

        private static HostileDocument Build(IEnumerable<Func<string, (string Text, string Name)>> textMutations, IEnumerable<(int Seed, byte[] Bytes)> byteMutations, bool bom)
        {
            var text = Base;
            var names = new List<string>();
            foreach (var mutate in textMutations)
            {
                (text, var name) = mutate(text);
                names.Add(name);
            }

            if (bom)
            {
                text = '\uFEFF' + text;
                names.Add("BOM");
            }

            // Encoding.UTF8 writes a lone surrogate as U+FFFD, as a file saved by an editor would; the text keeps it.
            var bytes = new List<byte>(Encoding.UTF8.GetBytes(text));
            foreach (var (seed, insertion) in byteMutations)
            {
                bytes.InsertRange(seed % (bytes.Count + 1), insertion);
                names.Add("bytes " + Convert.ToHexString(insertion));
            }

            return new HostileDocument(text, [.. bytes], string.Join(", ", names));
        }

        /// <summary>Inserts <paramref name="insertion"/> after one occurrence of <paramref name="after"/>, chosen by <paramref name="seed"/>.</summary>
        private static string InsertAfter(string json, char after, string insertion, int seed)
        {
            var positions = new List<int>();
            for (var i = 0; i < json.Length; i++)
            {
                if (json[i] == after)
                {
                    positions.Add(i + 1);
                }
            }

            return positions.Count == 0 ? json + insertion : json.Insert(positions[seed % positions.Count], insertion);
        }
    }
}
