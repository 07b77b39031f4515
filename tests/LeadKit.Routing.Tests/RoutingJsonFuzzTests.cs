using LeadKit.Abstractions.Configuration;
using System.Text;
using System.Text.Json;
using FsCheck.Xunit;
using LeadKit.Routing;
using LeadKit.Routing.Json;
using static LeadKit.Routing.Tests.Routing;

namespace LeadKit.Routing.Tests;

/// <summary>
/// Fuzz tests of the two routing formats: valid seeds with one hostile edit — a null list entry, a duplicate key,
/// invalid UTF-8, an unpaired surrogate (raw or escaped), a stray byte — must be refused through the documented
/// channel only (<see cref="RoutingPlanLoadResult.Errors"/> for plans, <see cref="ConfigurationException"/> for ledgers
/// snapshots), with a path and without .NET type names; a BOM alone must be accepted.
/// </summary>
public sealed class RoutingJsonFuzzTests
{
    private const string PlanSeed = """
        {
          "version": 1,
          "options": { "name": "emea", "capacityPeriod": "month", "defaultQueue": "triage", "productField": "product" },
          "teams": [ { "id": "dach", "members": ["hans", "greta"] } ],
          "steps": [
            { "kind": "territoryRules", "rules": [
              { "name": "dach", "when": { "all": [ { "field": "company.country", "op": "in", "values": ["DE", "AT"] }, { "field": "company.region", "op": "equals", "value": "Bavaria" }, { "not": { "field": "company.employeeCount", "op": "atMost", "max": 5 } } ] }, "team": "dach", "selection": "weightedRoundRobin" } ] },
            { "kind": "allReps", "name": "everyone" }
          ]
        }
        """;

    private static readonly string StateSeed = SeedState();

    private static readonly string[] DuplicatedKeys = ["version", "name", "steps", "kind", "id", "count", "weights", "open"];

    private static readonly byte[][] InvalidUtf8 = [[0x80], [0xBF], [0xC0, 0xAF], [0xC3, 0x28], [0xED, 0xA0, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xFF], [0xE2, 0x82]];

    [Property(MaxTest = 500)]
    public void RoutingPlan_HostileEdit_IsReportedNeverThrown(int edit, int position, int choice)
    {
        var (text, bytes, mustFail) = Mutate(PlanSeed, edit, position, choice);

        var loaded = text is not null
            ? RoutingPlanJson.Load(text, Builder())
            : RoutingPlanJson.LoadUtf8(bytes, Builder());

        Assert.Equal(!mustFail, loaded.Succeeded);
        Assert.All(loaded.Problems, e =>
        {
            Assert.StartsWith("$", e.Path, StringComparison.Ordinal);
            Assert.DoesNotContain("System.", e.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("LeadKit.", e.Message, StringComparison.Ordinal);
        });
    }

    [Property(MaxTest = 500)]
    public void RoutingLedger_HostileEdit_ThrowsOnlyConfigurationException(int edit, int position, int choice)
    {
        var (text, bytes, mustFail) = Mutate(StateSeed, edit, position, choice);

        // Any other exception type escapes and fails the property.
        var error = Record.Exception(() => _ = text is not null ? TestLedger.FromJson(text) : TestLedger.FromJson(bytes));

        if (!mustFail)
        {
            Assert.Null(error);
            return;
        }

        var json = Assert.IsType<ConfigurationException>(error);
        Assert.All(json.Problems, p => Assert.StartsWith("$", p.Path, StringComparison.Ordinal));
        Assert.DoesNotContain("System.", json.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("LeadKit.", json.Message, StringComparison.Ordinal);
    }

    /// <summary>One edit of the seed; text or bytes, and whether the result must be refused (every edit but a BOM).</summary>
    private static (string? Text, byte[] Bytes, bool MustFail) Mutate(string seed, int edit, int position, int choice)
    {
        var pick = (uint)choice;
        switch ((uint)edit % 7)
        {
            case 0:
                // A null entry in a list: every list of both formats holds objects or text only.
                return Text(InsertAfter(seed, '[', position, "null, "), mustFail: true);
            case 1:
                var key = DuplicatedKeys[pick % (uint)DuplicatedKeys.Length];
                return Text(InsertAfter(seed, '{', position, $"\"{key}\": 1, \"{key}\": 1, "), mustFail: true);
            case 2:
                return pick % 2 == 0
                    ? Text("\uFEFF" + seed, mustFail: false)
                    : (null, [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(seed)], false);
            case 3:
                var utf8 = Encoding.UTF8.GetBytes(seed);
                var at = (int)((uint)position % (uint)(utf8.Length + 1));
                return (null, [.. utf8.AsSpan(0, at), .. InvalidUtf8[pick % (uint)InvalidUtf8.Length], .. utf8.AsSpan(at)], true);
            case 4:
                // A raw unpaired surrogate (built in code: xunit data would turn it into U+FFFD).
                var index = (int)((uint)position % (uint)(seed.Length + 1));
                var surrogate = pick % 2 == 0 ? '\uD800' : '\uDFFF';
                return Text(seed[..index] + surrogate + seed[index..], mustFail: true);
            case 5:
                // An escaped unpaired surrogate inside a text value.
                return Text(InsertAfter(seed, '"', position, pick % 2 == 0 ? "\\ud83d" : "\\udc00x"), mustFail: true);
            default:
                // A stray comma or bracket right after an opening bracket (never inside a text value), truncating or not.
                var broken = InsertAfter(seed, pick % 2 == 0 ? '{' : '[', position, pick % 4 < 2 ? ",]" : "}");
                return Text(pick % 3 == 0 ? broken[..(broken.Length / 2)] : broken, mustFail: true);
        }
    }

    private static (string?, byte[], bool) Text(string text, bool mustFail) => (text, [], mustFail);

    /// <summary>Inserts <paramref name="insert"/> after one occurrence of <paramref name="marker"/> (chosen by <paramref name="position"/>).</summary>
    private static string InsertAfter(string seed, char marker, int position, string insert)
    {
        var indexes = new List<int>();
        for (var i = 0; i < seed.Length; i++)
        {
            if (seed[i] == marker)
            {
                indexes.Add(i);
            }
        }

        var at = indexes[(int)((uint)position % (uint)indexes.Count)] + 1;
        return seed[..at] + insert + seed[at..];
    }

    private static RoutingPlanBuilder Builder() => new RoutingPlanBuilder().AddReps([Rep("hans"), Rep("greta", weight: 2), Rep("ines")]);

    private static string SeedState()
    {
        var state = new TestLedger();
        var plan = Plan(state, b => b.AddReps([Rep("hans", maxPerPeriod: 10), Rep("greta", weight: 2)]).AddAllReps(LeadKit.Routing.RepSelection.WeightedRoundRobin));
        plan.Take(5);
        return state.ToJson();
    }
}
