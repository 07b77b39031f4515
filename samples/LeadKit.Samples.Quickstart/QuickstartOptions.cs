using System.Globalization;

namespace LeadKit.Samples.Quickstart;

/// <summary>The quickstart's command line: <c>--leads N</c>, <c>--seed N</c>, <c>--out DIR</c>, <c>--help</c>.</summary>
internal sealed record QuickstartOptions(int Leads, int Seed, string OutputDirectory, bool ShowHelp)
{
    public const string Usage = """
        Usage: dotnet run --project samples/LeadKit.Samples.Quickstart -- [options]

          --leads N   number of demo leads to generate (1 to 100000, default 2000)
          --seed N    seed of the demo data; the same seed gives the same output (default 42)
          --out DIR   folder for the report: report.md (KPI tables, funnel chart and definition), report.html
                      (the same, one self-contained page with inline charts) and funnel.svg;
                      default: reports/quickstart
          --help      show this help
        """;

    /// <summary>Parses the arguments; returns an error message instead of options when they are invalid.</summary>
    public static (QuickstartOptions? Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        var leads = 2_000;
        var seed = 42;
        var output = Path.Combine("reports", "quickstart");
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--help" or "-h":
                    return (new QuickstartOptions(leads, seed, output, ShowHelp: true), null);
                case "--leads" or "--seed" or "--out" when i + 1 >= args.Count:
                    return (null, $"{args[i]} needs a value.");
                case "--leads":
                    if (!int.TryParse(args[++i], NumberStyles.None, CultureInfo.InvariantCulture, out leads) || leads is < 1 or > 100_000)
                    {
                        return (null, $"--leads must be a whole number from 1 to 100000 (was '{args[i]}').");
                    }

                    break;
                case "--seed":
                    if (!int.TryParse(args[++i], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out seed))
                    {
                        return (null, $"--seed must be a whole number (was '{args[i]}').");
                    }

                    break;
                case "--out":
                    output = args[++i];
                    if (string.IsNullOrWhiteSpace(output))
                    {
                        return (null, "--out must name a folder.");
                    }

                    break;
                default:
                    return (null, $"Unknown argument '{args[i]}'.");
            }
        }

        return (new QuickstartOptions(leads, seed, output, ShowHelp: false), null);
    }
}
