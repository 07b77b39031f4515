using System.Text.RegularExpressions;
using System.Xml.Linq;
using LeadKit.Testing;

namespace LeadKit.Samples.Tests;

/// <summary>
/// Every sample runs as a newcomer would run it and exits 0; the quickstart's report folder holds a Markdown report a
/// viewer can render (well-formed tables, a Mermaid block, the chart linked by a relative path) and a self-contained SVG.
/// </summary>
public sealed partial class SampleRunTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("leadkit-samples-");

    public void Dispose() => _work.Delete(recursive: true);

    [Fact]
    public void Quickstart_SmallRun_ExitsZeroAndWritesAReportThatShowsTheChart()
    {
        var run = SampleRun.Start("LeadKit.Samples.Quickstart", _work.FullName, "--leads", "400", "--seed", "7", "--out", "report");

        Assert.True(run.ExitCode == 0, $"exit code {run.ExitCode}: {run.Error}");
        var folder = Path.Combine(_work.FullName, "report");
        Assert.True(File.Exists(Path.Combine(folder, "report.html")), "report.html was not written beside report.md");
        var markdown = File.ReadAllLines(Path.Combine(folder, "report.md"));
        Assert.Contains("![Funnel](funnel.svg)", markdown);
        AssertTablesAreWellFormed(markdown);
        var mermaid = Array.IndexOf(markdown, "```mermaid");
        Assert.True(mermaid >= 0, "report.md has no Mermaid block");
        Assert.Contains("```", markdown.Skip(mermaid + 1));

        var svg = XDocument.Load(Path.Combine(folder, "funnel.svg"));
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal(ns + "svg", svg.Root!.Name);
        Assert.NotNull(svg.Root.Attribute("viewBox"));
        var bars = svg.Descendants(ns + "rect").ToArray();
        Assert.True(bars.Length >= 3, $"the funnel chart has {bars.Length} bars");
        Assert.All(bars, bar => Assert.True(double.Parse(bar.Attribute("width")!.Value, System.Globalization.CultureInfo.InvariantCulture) > 0));

        // Self-contained: nothing is fetched from elsewhere (no external images, fonts or style sheets).
        Assert.DoesNotContain(svg.Descendants().Attributes(), a => a.Name.LocalName is "href" || (a.Value.StartsWith("http", StringComparison.Ordinal) && !a.IsNamespaceDeclaration));
    }

    [Theory]
    [InlineData("--leads", "many", "--leads must be a whole number from 1 to 100000 (was 'many').")]
    [InlineData("--seed", null, "--seed needs a value.")]
    [InlineData("--colour", "blue", "Unknown argument '--colour'.")]
    public void Quickstart_BadArgument_ExitsNonZeroNamingIt(string option, string? value, string expected)
    {
        string[] arguments = value is null ? [option] : [option, value];

        var run = SampleRun.Start("LeadKit.Samples.Quickstart", _work.FullName, arguments);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.Contains("Usage:", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void CustomRule_Runs_ExitsZeroAndExplainsThePluginRuleNextToTheBuiltIns()
    {
        var run = SampleRun.Start("LeadKit.Samples.CustomRule", _work.FullName);

        Assert.True(run.ExitCode == 0, $"exit code {run.ExitCode}: {run.Error}");
        Assert.Contains("Temperature:", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void DependencyInjection_Runs_ExitsZeroAndRejectsTheInvalidReload()
    {
        var run = SampleRun.Start("LeadKit.Samples.DependencyInjection", _work.FullName);

        Assert.True(run.ExitCode == 0, $"exit code {run.ExitCode}: {run.Error}");
        Assert.Contains("Reload of 'b2b' rejected; model version 1 stays in use.", run.Output, StringComparison.Ordinal);
        Assert.Contains("$.rules[1].points", run.Output, StringComparison.Ordinal);
        Assert.Contains("After the rejected reload: model 'b2b' with 5 rules scores di-1 at 60", run.Output, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Olist_WithTheDataset_ExitsZeroAndLearnsFromHistory()
    {
        var data = Datasets.Require("olist-marketing-funnel");

        var run = SampleRun.Start("LeadKit.Samples.Olist", _work.FullName, data);

        Assert.True(run.ExitCode == 0, $"exit code {run.ExitCode}: {run.Error}");
        Assert.Contains("Learn from history", run.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_work.FullName, "reports", "olist", "learned-rule-set.json")));
    }

    [SkippableFact]
    public void Olist_WithTheDataset_PrintsOnlyMonthsWithDataAndReadableLabels()
    {
        var data = Datasets.Require("olist-marketing-funnel");

        var run = SampleRun.Start("LeadKit.Samples.Olist", _work.FullName, data);

        Assert.True(run.ExitCode == 0, $"exit code {run.ExitCode}: {run.Error}");
        Assert.DoesNotContain("no data (0/0)", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Source:", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Owner:", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Period:", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"\n  2018-0[1-5] +\d+/\d+ = ", run.Output.ReplaceLineEndings("\n"));
        Assert.Contains("  Organic search ", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public void Olist_Help_PrintsUsageInsteadOfTakingItAsAFolder(string option)
    {
        var run = SampleRun.Start("LeadKit.Samples.Olist", _work.FullName, option);

        Assert.True(run.ExitCode == 0, $"exit code {run.ExitCode}: {run.Error}");
        Assert.Contains("Usage: dotnet run --project samples/LeadKit.Samples.Olist -- [FOLDER]", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("were not found", run.Output + run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Olist_UnknownOption_ExitsNonZeroWithUsage()
    {
        var run = SampleRun.Start("LeadKit.Samples.Olist", _work.FullName, "--colour");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Unknown option '--colour'.", run.Error, StringComparison.Ordinal);
        Assert.Contains("Usage:", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Olist_MissingFolder_ExplainsWhereToGetTheData()
    {
        var run = SampleRun.Start("LeadKit.Samples.Olist", _work.FullName, Path.Combine(_work.FullName, "no-such-folder"));

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("Download the Kaggle dataset \"Marketing Funnel by Olist\"", run.Error, StringComparison.Ordinal);
    }

    /// <summary>Every Markdown table has a header, a separator row, and rows with the header's number of cells.</summary>
    private static void AssertTablesAreWellFormed(string[] lines)
    {
        var tables = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith('|') || (i > 0 && lines[i - 1].StartsWith('|')))
            {
                continue;
            }

            tables++;
            var cells = Cells(lines[i]);
            Assert.True(i + 1 < lines.Length && SeparatorRow().IsMatch(lines[i + 1]), $"table at line {i + 1} has no separator row");
            for (var j = i + 1; j < lines.Length && lines[j].StartsWith('|'); j++)
            {
                Assert.True(Cells(lines[j]) == cells, $"line {j + 1} has {Cells(lines[j])} cells where its table's header has {cells}: {lines[j]}");
            }
        }

        Assert.True(tables >= 3, $"report.md has {tables} tables");
    }

    private static int Cells(string row) => row.Trim().Trim('|').Split('|').Length;

    [GeneratedRegex(@"^\|(\s*:?-{3,}:?\s*\|)+$")]
    private static partial Regex SeparatorRow();
}
