using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using LeadKit.Abstractions.Common;
using LeadKit.Abstractions.Configuration;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Abstractions.Routing;

namespace LeadKit.Routing.Ledger;

/// <summary>
/// Saves and restores a routing ledger snapshot as JSON (format in docs/routing.md): <c>{"version":1,"reps":[...],"pools":[...]}</c>.
/// Reading follows the one policy of every LeadKit document (<see cref="ConfigurationDocument"/>) and refuses every
/// value a running ledger cannot have: negative or over-limit counters, a weighted count above its pool's
/// assignments, unsafe pool names, repeated reps or pools. A restored snapshot starts at ledger version 0.
/// </summary>
/// <remarks>Thread-safe (stateless). Problems name the path and the rule, never a value.</remarks>
public static class RoutingLedgerJson
{
    /// <summary>The format version <see cref="Write"/> writes and the reader accepts.</summary>
    public const int Version = 1;

    /// <summary>The largest snapshot accepted, in UTF-8 bytes (192 MiB).</summary>
    public const int MaximumBytes = 192 * 1024 * 1024;

    /// <summary>The largest number of reps, of pools and of weights in one pool in a snapshot (one million each).</summary>
    public const int MaximumEntries = 1_000_000;

    private static readonly ConfigurationDocumentOptions Format = new("routing ledger", Version) { MaximumBytes = MaximumBytes, MaximumDepth = 8 };

    /// <summary>Writes a snapshot as JSON, reps by id, pools by name and weights by rep (ordinal), so equal ledgers write equal text.</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <returns>The JSON text.</returns>
    public static string Write(RoutingLedgerSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("version", Version);
            writer.WriteStartArray("reps");
            foreach (var (id, counters) in snapshot.Reps.OrderBy(static r => r.Key.Value, StringComparer.Ordinal))
            {
                writer.WriteStartObject();
                writer.WriteString("id", id.Value);
                writer.WriteNumber("assigned", counters.Assigned);
                writer.WriteNumber("open", counters.Open);
                if (counters.PeriodStart is { } start)
                {
                    writer.WriteString("periodStart", start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                }

                writer.WriteNumber("assignedInPeriod", counters.AssignedInPeriod);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("pools");
            foreach (var pool in snapshot.Pools.Values.OrderBy(static p => p.Name, StringComparer.Ordinal))
            {
                writer.WriteStartObject();
                writer.WriteString("name", pool.Name);
                if (!pool.LastRep.IsDefault)
                {
                    writer.WriteString("lastRep", pool.LastRep.Value);
                }

                writer.WriteNumber("assignments", pool.Assignments);
                writer.WriteStartArray("weights");
                foreach (var (rep, count) in pool.WeightedCounts.OrderBy(static w => w.Key.Value, StringComparer.Ordinal))
                {
                    writer.WriteStartObject();
                    writer.WriteString("rep", rep.Value);
                    writer.WriteNumber("count", count);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Restores a snapshot written by <see cref="Write"/>.</summary>
    /// <param name="json">The snapshot; a leading byte-order mark is ignored.</param>
    /// <returns>The snapshot at version 0.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="ConfigurationException">The text is not a valid ledger; every problem with its path. No other exception is thrown for any content.</exception>
    public static RoutingLedgerSnapshot Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var problems = new List<ConfigurationProblem>();
        using var document = ConfigurationDocument.Parse(json, Format, problems);
        return Read(document, problems);
    }

    /// <summary>Restores a snapshot from UTF-8 bytes (a file or a database column); see <see cref="Read(string)"/>.</summary>
    /// <param name="utf8Json">The snapshot; a leading UTF-8 byte-order mark is ignored.</param>
    /// <returns>The snapshot at version 0.</returns>
    /// <exception cref="ConfigurationException">The bytes are not a valid ledger (invalid UTF-8 included).</exception>
    public static RoutingLedgerSnapshot Read(ReadOnlyMemory<byte> utf8Json)
    {
        var problems = new List<ConfigurationProblem>();
        using var document = ConfigurationDocument.Parse(utf8Json, Format, problems);
        return Read(document, problems);
    }

    private static RoutingLedgerSnapshot Read(JsonDocument? document, List<ConfigurationProblem> problems)
    {
        if (document is null)
        {
            throw new ConfigurationException(problems);
        }

        var root = new ConfigurationElement(document.RootElement, "$", problems);
        root.ExpectObject("version", "reps", "pools");
        var reps = ImmutableDictionary.CreateBuilder<SalesRepId, RepCounters>();
        if (root.TryGetProperty("reps", out var repList))
        {
            foreach (var item in repList.GetArray(MaximumEntries))
            {
                ReadRep(item, reps);
            }
        }

        var pools = ImmutableDictionary.CreateBuilder<string, PoolRotation>(StringComparer.Ordinal);
        if (root.TryGetProperty("pools", out var poolList))
        {
            foreach (var item in poolList.GetArray(MaximumEntries))
            {
                ReadPool(item, pools);
            }
        }

        ConfigurationException.ThrowIfAny(problems);
        return new RoutingLedgerSnapshot(0, reps.ToImmutable(), pools.ToImmutable());
    }

    private static void ReadRep(ConfigurationElement element, ImmutableDictionary<SalesRepId, RepCounters>.Builder reps)
    {
        if (!element.ExpectObject("id", "assigned", "open", "periodStart", "assignedInPeriod"))
        {
            return;
        }

        var id = ReadRepId(element, "id", required: true);
        var assigned = ReadWhole(element, "assigned", RoutingLedgerSnapshot.MaximumCount) ?? 0;
        var open = ReadWhole(element, "open", int.MaxValue) ?? 0;
        var inPeriod = ReadWhole(element, "assignedInPeriod", int.MaxValue) ?? 0;
        DateOnly? periodStart = null;
        if (element.TryGetProperty("periodStart", out var start) && start.GetString(10) is { } text)
        {
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                periodStart = date;
            }
            else
            {
                start.Report(ConfigurationProblemCodes.InvalidValue, "must be a date written yyyy-MM-dd");
            }
        }

        if (id is { } rep && !reps.TryAdd(rep, new RepCounters { Assigned = assigned, Open = (int)open, PeriodStart = periodStart, AssignedInPeriod = periodStart is null ? 0 : (int)inPeriod }))
        {
            element.Report("id", ConfigurationProblemCodes.DuplicateName, "names a rep that appears more than once; each rep has one entry");
        }
    }

    private static void ReadPool(ConfigurationElement element, ImmutableDictionary<string, PoolRotation>.Builder pools)
    {
        if (!element.ExpectObject("name", "lastRep", "assignments", "weights") || !element.TryGetRequired("name", out var nameElement))
        {
            return;
        }

        var name = nameElement.GetString(ConfigurationName.MaximumLength);
        if (name is not null && ConfigurationName.Problem(name) is { } problem)
        {
            nameElement.Report(ConfigurationProblemCodes.InvalidValue, $"is not a valid pool name: it {problem}");
            name = null;
        }

        var lastRep = ReadRepId(element, "lastRep", required: false);
        var assignments = ReadWhole(element, "assignments", RoutingLedgerSnapshot.MaximumCount) ?? 0;
        var weights = ImmutableDictionary.CreateBuilder<SalesRepId, long>();
        if (element.TryGetProperty("weights", out var weightList))
        {
            foreach (var weight in weightList.GetArray(MaximumEntries))
            {
                if (!weight.ExpectObject("rep", "count"))
                {
                    continue;
                }

                var rep = ReadRepId(weight, "rep", required: true);

                // Weighted selection never gives a rep more of a pool's leads than the pool assigned in total.
                var count = ReadWhole(weight, "count", assignments);
                if (rep is { } id && count is { } value && !weights.TryAdd(id, value))
                {
                    weight.Report("rep", ConfigurationProblemCodes.DuplicateName, "names a rep that appears more than once in the pool; each rep has one count");
                }
            }
        }

        if (name is not null && !pools.TryAdd(name, new PoolRotation { Name = name, LastRep = lastRep ?? default, Assignments = assignments, WeightedCounts = weights.ToImmutable() }))
        {
            nameElement.Report(ConfigurationProblemCodes.DuplicateName, "names a pool that appears more than once; each pool has one entry");
        }
    }

    private static long? ReadWhole(ConfigurationElement parent, string name, long maximum)
    {
        if (!parent.TryGetProperty(name, out var element))
        {
            return null;
        }

        if (element.Value.ValueKind != JsonValueKind.Number || !element.Value.TryGetInt64(out var number))
        {
            element.Report(ConfigurationProblemCodes.WrongType, "must be a whole number");
            return null;
        }

        if (number < 0 || number > maximum)
        {
            element.Report(ConfigurationProblemCodes.OutOfRange, string.Create(CultureInfo.InvariantCulture, $"must be a whole number from 0 to {maximum}"));
            return null;
        }

        return number;
    }

    private static SalesRepId? ReadRepId(ConfigurationElement parent, string name, bool required)
    {
        ConfigurationElement element;
        if (required ? !parent.TryGetRequired(name, out element) : !parent.TryGetProperty(name, out element))
        {
            return null;
        }

        if (element.GetString(maximumLength: 1024) is not { } text)
        {
            return null;
        }

        try
        {
            return new SalesRepId(text);
        }
        catch (ArgumentException)
        {
            // The identifier's own message may quote the id (often an e-mail address); the path and the rule suffice.
            element.Report(ConfigurationProblemCodes.InvalidValue, "is not a valid rep id (1 to 128 characters, not blank, without control characters)");
            return null;
        }
    }
}
