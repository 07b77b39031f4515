using System.Globalization;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Sources;

namespace LeadKit.Testing.Olist;

/// <summary>
/// Imports the Olist marketing-funnel files (8,000 MQLs, 842 closed deals). Every malformed row — wrong column
/// count, bad date or number, blank or duplicate id, blank landing page, an origin that is not a valid source name,
/// a closed deal whose MQL is missing — is listed in
/// <see cref="Problems"/> with its file and line and left out; nothing is dropped silently.
/// </summary>
/// <remarks>Depends only on LeadKit.Abstractions, so samples can link these files as they are.</remarks>
public sealed class OlistDataset
{
    /// <summary>The MQL file name.</summary>
    public const string MqlFile = "olist_marketing_qualified_leads_dataset.csv";

    /// <summary>The closed-deals file name.</summary>
    public const string ClosedDealsFile = "olist_closed_deals_dataset.csv";

    /// <summary>Gets the source of the 60 MQLs whose origin is blank (<c>blank</c>, as PROVENANCE.md counts them), kept apart so no row is merged into another channel.</summary>
    public static readonly LeadSource BlankOrigin = new("blank");

    /// <summary>Gets the custom field that holds an MQL's landing_page_id in <see cref="OlistMql.ToLead"/>.</summary>
    public static readonly CustomFieldKey LandingPage = new("landing_page_id");

    private static readonly string[] MqlHeader = ["mql_id", "first_contact_date", "landing_page_id", "origin"];

    private static readonly string[] DealHeader =
    [
        "mql_id", "seller_id", "sdr_id", "sr_id", "won_date", "business_segment", "lead_type", "lead_behaviour_profile",
        "has_company", "has_gtin", "average_stock", "business_type", "declared_product_catalog_size", "declared_monthly_revenue",
    ];

    private readonly HashSet<LeadId> _won;

    private OlistDataset(IReadOnlyList<OlistMql> mqls, IReadOnlyList<OlistClosedDeal> closedDeals, IReadOnlyList<OlistImportProblem> problems)
    {
        Mqls = mqls;
        ClosedDeals = closedDeals;
        Problems = problems;
        _won = [.. closedDeals.Select(d => d.MqlId)];
    }

    /// <summary>Gets the well-formed MQL rows, in file order.</summary>
    public IReadOnlyList<OlistMql> Mqls { get; }

    /// <summary>Gets the well-formed closed-deal rows, in file order.</summary>
    public IReadOnlyList<OlistClosedDeal> ClosedDeals { get; }

    /// <summary>Gets every malformed row, with file and line.</summary>
    public IReadOnlyList<OlistImportProblem> Problems { get; }

    /// <summary>
    /// Gets every MQL, in file order, as history for backtesting and learning: the lead as known at first contact,
    /// decided at first contact (the moment it was qualified), won when it appears in the closed-deals file.
    /// </summary>
    /// <returns>One outcome per well-formed MQL.</returns>
    public IReadOnlyList<OlistLeadOutcome> LeadOutcomes()
    {
        var outcomes = new List<OlistLeadOutcome>(Mqls.Count);
        foreach (var mql in Mqls)
        {
            outcomes.Add(new OlistLeadOutcome(mql.ToLead(), mql.FirstContact, _won.Contains(mql.Id), mql));
        }

        return outcomes;
    }

    /// <summary>Reads both files from a folder.</summary>
    /// <param name="folder">The folder holding the two CSV files.</param>
    /// <returns>The rows and the problems found.</returns>
    public static OlistDataset Load(string folder)
    {
        using var mqlReader = new StreamReader(Path.Combine(folder, MqlFile));
        using var dealReader = new StreamReader(Path.Combine(folder, ClosedDealsFile));
        return Read(mqlReader, dealReader);
    }

    /// <summary>Reads both files from text readers (for tests of malformed input).</summary>
    /// <param name="mqls">The MQL CSV text.</param>
    /// <param name="closedDeals">The closed-deals CSV text.</param>
    /// <returns>The rows and the problems found.</returns>
    public static OlistDataset Read(TextReader mqls, TextReader closedDeals)
    {
        var problems = new List<OlistImportProblem>();
        var leads = new List<OlistMql>();
        var leadIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (line, f) in Rows(mqls, MqlFile, MqlHeader, problems))
        {
            if (Id(f[0], MqlFile, line, "mql_id", problems) is not { } id
                || Date(f[1], "yyyy-MM-dd", MqlFile, line, "first_contact_date", problems) is not { } firstContact)
            {
                continue;
            }

            if (f[2].Length == 0)
            {
                problems.Add(new OlistImportProblem(MqlFile, line, "landing_page_id is blank"));
                continue;
            }

            if (f[3].Length > 0 && !IsSourceName(f[3], out var reason))
            {
                problems.Add(new OlistImportProblem(MqlFile, line, $"origin '{f[3]}' is not a valid source name: {reason}"));
                continue;
            }

            if (!leadIds.Add(id))
            {
                problems.Add(new OlistImportProblem(MqlFile, line, $"mql_id '{id}' appears more than once"));
                continue;
            }

            leads.Add(new OlistMql(new LeadId(id), firstContact, f[2], f[3], line));
        }

        var deals = new List<OlistClosedDeal>();
        var dealIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (line, f) in Rows(closedDeals, ClosedDealsFile, DealHeader, problems))
        {
            if (Id(f[0], ClosedDealsFile, line, "mql_id", problems) is not { } id
                || Id(f[2], ClosedDealsFile, line, "sdr_id", problems) is not { } sdr
                || Id(f[3], ClosedDealsFile, line, "sr_id", problems) is not { } sr
                || Date(f[4], "yyyy-MM-dd HH:mm:ss", ClosedDealsFile, line, "won_date", problems) is not { } wonAt)
            {
                continue;
            }

            decimal? revenue = null;
            if (f[13].Length > 0)
            {
                if (!decimal.TryParse(f[13], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < 0m)
                {
                    problems.Add(new OlistImportProblem(ClosedDealsFile, line, $"declared_monthly_revenue '{f[13]}' is not a non-negative number"));
                    continue;
                }

                revenue = value;
            }

            if (!leadIds.Contains(id))
            {
                problems.Add(new OlistImportProblem(ClosedDealsFile, line, $"mql_id '{id}' is not in {MqlFile}"));
                continue;
            }

            if (!dealIds.Add(id))
            {
                problems.Add(new OlistImportProblem(ClosedDealsFile, line, $"mql_id '{id}' is closed more than once"));
                continue;
            }

            deals.Add(new OlistClosedDeal(new LeadId(id), f[1], new SalesRepId(sdr), new SalesRepId(sr), wonAt, f[5], f[6], revenue, line));
        }

        return new OlistDataset(leads, deals, problems);
    }

    private static IEnumerable<(int Line, string[] Fields)> Rows(TextReader reader, string file, string[] header, List<OlistImportProblem> problems)
    {
        var first = true;
        foreach (var (line, fields) in CsvReader.Read(reader, file, problems))
        {
            if (first)
            {
                first = false;
                if (!fields.AsSpan().SequenceEqual(header))
                {
                    problems.Add(new OlistImportProblem(file, line, $"the header is '{string.Join(',', fields)}', expected '{string.Join(',', header)}'"));
                    yield break;
                }

                continue;
            }

            if (fields.Length != header.Length)
            {
                problems.Add(new OlistImportProblem(file, line, $"has {fields.Length} columns, expected {header.Length}"));
                continue;
            }

            yield return (line, fields);
        }
    }

    private static string? Id(string text, string file, int line, string column, List<OlistImportProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 128)
        {
            problems.Add(new OlistImportProblem(file, line, $"{column} '{text}' is blank or longer than 128 characters"));
            return null;
        }

        return text;
    }

    private static bool IsSourceName(string text, out string reason)
    {
        try
        {
            _ = new LeadSource(text);
            reason = string.Empty;
            return true;
        }
        catch (ArgumentException ex)
        {
            reason = ex.Message;
            return false;
        }
    }

    private static DateTimeOffset? Date(string text, string format, string file, int line, string column, List<OlistImportProblem> problems)
    {
        if (!DateTime.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            problems.Add(new OlistImportProblem(file, line, $"{column} '{text}' is not a date in the format {format}"));
            return null;
        }

        return new DateTimeOffset(value, TimeSpan.Zero);
    }
}
