using System.Globalization;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Sources;
using LeadKit.Scoring.Backtesting;

namespace LeadKit.Scoring.Tests.Learning.Olist;

/// <summary>
/// Reads just what the learning tests need from the Olist marketing funnel: each MQL's id, first contact date, landing
/// page and origin, and whether it appears in the closed-deals file (won). A row that cannot be read fails with the file
/// and line; nothing is skipped. (A fuller Olist importer lives elsewhere; this one stays deliberately small.)
/// </summary>
internal static class OlistFunnelReader
{
    public const string MqlFile = "olist_marketing_qualified_leads_dataset.csv";
    public const string ClosedDealsFile = "olist_closed_deals_dataset.csv";
    public static readonly CustomFieldKey LandingPage = new("landing_page_id");

    /// <summary>The origin of the 60 MQLs whose origin column is blank.</summary>
    public static readonly LeadSource NotRecorded = new("not_recorded");

    public static List<HistoricalLead> Read(string folder)
    {
        var won = ReadClosedDealIds(Path.Combine(folder, ClosedDealsFile));
        var path = Path.Combine(folder, MqlFile);
        var history = new List<HistoricalLead>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            var fields = Split(line, path, lineNumber);
            if (lineNumber == 1)
            {
                Expect(fields, ["mql_id", "first_contact_date", "landing_page_id", "origin"], path);
                continue;
            }

            if (fields.Count != 4)
            {
                throw Fail(path, lineNumber, $"expected 4 columns but found {fields.Count}");
            }

            var id = fields[0];
            if (!IsHexId(id) || !seen.Add(id))
            {
                throw Fail(path, lineNumber, $"mql_id '{id}' is not a new 32-character hex id");
            }

            if (!DateTime.TryParseExact(fields[1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                throw Fail(path, lineNumber, $"first_contact_date '{fields[1]}' is not yyyy-MM-dd");
            }

            if (!IsHexId(fields[2]))
            {
                throw Fail(path, lineNumber, $"landing_page_id '{fields[2]}' is not a 32-character hex id");
            }

            LeadSource source;
            try
            {
                source = fields[3].Length == 0 ? NotRecorded : new LeadSource(fields[3]);
            }
            catch (ArgumentException ex)
            {
                throw Fail(path, lineNumber, $"origin '{fields[3]}' is not a machine name ({ex.Message})");
            }

            var contact = new DateTimeOffset(date, TimeSpan.Zero);
            var lead = new Lead
            {
                Id = new LeadId(id),
                CreatedAt = contact,
                Source = source,
                CustomFields = [new CustomField(LandingPage, CustomFieldValue.FromText(fields[2]))],
            };

            // The qualification decision is taken at first contact: nothing later is known.
            history.Add(new HistoricalLead(lead, contact, won.Remove(id)));
        }

        if (won.Count > 0)
        {
            throw new InvalidDataException($"{ClosedDealsFile}: {won.Count} closed deals have an mql_id missing from {MqlFile}, e.g. '{won.First()}'.");
        }

        return history;
    }

    private static HashSet<string> ReadClosedDealIds(string path)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            var fields = Split(line, path, lineNumber);
            if (lineNumber == 1)
            {
                if (fields.Count != 14 || fields[0] != "mql_id" || fields[4] != "won_date")
                {
                    throw Fail(path, 1, "the header does not start with mql_id and have won_date as its fifth of 14 columns");
                }

                continue;
            }

            if (fields.Count != 14)
            {
                throw Fail(path, lineNumber, $"expected 14 columns but found {fields.Count}");
            }

            if (!IsHexId(fields[0]) || !ids.Add(fields[0]))
            {
                throw Fail(path, lineNumber, $"mql_id '{fields[0]}' is not a new 32-character hex id");
            }

            if (!DateTime.TryParseExact(fields[4], "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                throw Fail(path, lineNumber, $"won_date '{fields[4]}' is not yyyy-MM-dd HH:mm:ss");
            }
        }

        return ids;
    }

    /// <summary>Splits one CSV line (RFC 4180 quoting, no line breaks inside fields).</summary>
    internal static List<string> Split(string line, string path, int lineNumber)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        if (quoted)
        {
            throw Fail(path, lineNumber, "a quoted field is not closed");
        }

        fields.Add(field.ToString());
        return fields;
    }

    private static void Expect(List<string> fields, string[] header, string path)
    {
        if (!fields.SequenceEqual(header))
        {
            throw Fail(path, 1, $"expected the header {string.Join(',', header)} but found {string.Join(',', fields)}");
        }
    }

    private static bool IsHexId(string text) => text.Length == 32 && text.All(char.IsAsciiHexDigitLower);

    private static InvalidDataException Fail(string path, int line, string problem) => new($"{path}:{line}: {problem}.");
}
