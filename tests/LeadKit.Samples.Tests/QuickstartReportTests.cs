using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace LeadKit.Samples.Tests;

/// <summary>
/// The quickstart's numbers agree on one timeline and one report date, its reports are readable by a sales manager, and
/// report.html is a self-contained page that a real browser renders without a console message.
/// </summary>
public sealed partial class QuickstartReportTests(QuickstartRunFixture quickstart) : IClassFixture<QuickstartRunFixture>
{
    private string[] Markdown => File.ReadAllLines(Path.Combine(quickstart.Folder, "report.md"));

    [Fact]
    public void Report_EveryNumberReconciles()
    {
        Assert.True(quickstart.Run.ExitCode == 0, $"exit code {quickstart.Run.ExitCode}: {quickstart.Run.Error}");
        var md = Markdown;
        var reached = Table(md, "## Conversion").ToDictionary(row => row[0], row => Number(row[1]));
        Assert.Equal(["Lead", "MQL", "SAL", "SQL", "Opportunity", "Customer"], reached.Keys);
        Assert.Equal(400, reached["Lead"]);

        // Where the leads are now: each lead once, so the stages sum to all leads.
        var now = Table(md, "## Where the leads are now").Where(row => !row[0].Contains("All leads", StringComparison.Ordinal)).ToDictionary(row => row[0], row => Number(row[1]));
        Assert.Equal(400, now.Values.Sum());

        // Deals: every opportunity is won, lost or still open; every customer is a won deal; open deals are the opportunities now.
        var deals = Table(md, "## Deals")[0].Select(Number).Take(3).ToArray();
        var (won, lost, open) = (deals[0], deals[1], deals[2]);
        Assert.Equal(reached["Customer"], won);
        Assert.Equal(reached["Opportunity"], won + lost + open);
        Assert.Equal(open, now.GetValueOrDefault("Opportunity"));
        Assert.Equal(lost, now.GetValueOrDefault("Lost"));

        // Scoring on the report date and the funnel agree: every lead qualified today has reached MQL.
        var note = Assert.Single(md, l => l.StartsWith("- Scoring rates ", StringComparison.Ordinal));
        var match = ScoringNote().Match(note);
        Assert.True(match.Success, note);
        var qualifiedToday = Number(match.Groups["today"].Value);
        Assert.Equal(reached["MQL"], Number(match.Groups["reached"].Value));
        Assert.Equal(qualifiedToday, Number(match.Groups["still"].Value));
        Assert.Equal(reached["MQL"] - qualifiedToday, Number(match.Groups["earlier"].Value));

        // Why the win rate and Opportunity -> Customer differ is said, with the same numbers.
        Assert.Contains(md, l => l.Contains($"won / decided deals ({won} of {won + lost})", StringComparison.Ordinal) && l.Contains($"({won} of {reached["Opportunity"]})", StringComparison.Ordinal));
    }

    [Fact]
    public void Markdown_HasTheDateRangeASummaryReadableLabelsAndNoDuplicatedColumns()
    {
        var md = Markdown;
        var text = string.Join('\n', md);

        Assert.Matches(@"leads created \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}; scores, funnel and deals as of \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC", text);
        Assert.Contains(md, l => Regex.IsMatch(l, @"^400 leads created .*: \d+ reached MQL, \d+ SQL and \d+ became customers"));
        Assert.Contains(md, l => l.StartsWith("As of ", StringComparison.Ordinal) && l.Contains("win rate", StringComparison.Ordinal));
        Assert.Contains("| Website form |", text, StringComparison.Ordinal);
        Assert.DoesNotContain("website_form", text, StringComparison.Ordinal);
        Assert.DoesNotContain("| mql ", text, StringComparison.Ordinal);

        // A count is printed once: no cell repeats "n/d" before a rate that prints it again.
        Assert.DoesNotContain(md, l => l.StartsWith('|') && RateWithCounts().IsMatch(l));
    }

    [Fact]
    public void Html_IsSelfContainedAndWellFormed()
    {
        var path = Path.Combine(quickstart.Folder, "report.html");
        var html = File.ReadAllText(path);

        // Nothing is fetched from elsewhere: no URL, no script, no linked style sheet, image or font.
        Assert.DoesNotMatch("(?i)https?:", html);
        Assert.DoesNotMatch(@"(?i)<(script|link|img|iframe|object)\b|\bsrc\s*=|url\(|@import", html);

        // Well-formed (so every inline SVG parses) and holding the charts and tables the issue asks for.
        using var reader = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        var document = XDocument.Load(reader);
        var svgs = document.Descendants("svg").ToList();
        Assert.Equal(3, svgs.Count);
        Assert.Contains(svgs, s => s.Element("title")?.Value == "Lead funnel");
        Assert.Contains(svgs, s => (string?)s.Attribute("aria-label") == "Conversion by source");
        Assert.Contains(svgs, s => (string?)s.Attribute("aria-label") == "Score distribution");
        var headings = document.Descendants("h2").Select(h => h.Value).ToList();
        Assert.Contains("Deals", headings);
        Assert.Contains("Conversion by source", headings);
        Assert.Contains("Score distribution", headings);
        Assert.True(document.Descendants("table").Count() >= 5);
    }

    [SkippableFact]
    public void Html_RendersInChromium_WithoutAConsoleMessage_AndIsNotBlank()
    {
        HeadlessChromium.RequireInstalled();
        var screenshot = Path.Combine(quickstart.Work, "report.png");

        var console = HeadlessChromium.Render(Path.Combine(quickstart.Folder, "report.html"), screenshot, 1200, 2400);

        Assert.Empty(console);
        var image = PngImage.Decode(File.ReadAllBytes(screenshot));
        Assert.Equal((1200, 2400), (image.Width, image.Height));
        Assert.True(image.NonBackgroundShare() > 0.2, $"only {image.NonBackgroundShare():P1} of the screenshot differs from the background");
    }

    [SkippableFact]
    public void Chromium_BrokenPage_IsCaughtByTheConsoleCheck()
    {
        HeadlessChromium.RequireInstalled();
        var page = Path.Combine(quickstart.Work, "broken.html");
        File.WriteAllText(page, "<!DOCTYPE html><html><body><p>broken</p><script>console.error('deliberately broken'); missingFunction();</script></body></html>");

        var console = HeadlessChromium.Render(page, Path.Combine(quickstart.Work, "broken.png"), 800, 600);

        Assert.Contains(console, line => line.Contains("deliberately broken", StringComparison.Ordinal));
        Assert.Contains(console, line => line.Contains("missingFunction is not defined", StringComparison.Ordinal));
    }

    [SkippableFact]
    public void Chromium_EmptyPage_IsCaughtByTheBlankCheck()
    {
        HeadlessChromium.RequireInstalled();
        var page = Path.Combine(quickstart.Work, "empty.html");
        File.WriteAllText(page, "<!DOCTYPE html><html><body style=\"background:#f4f6fa\"></body></html>");
        var screenshot = Path.Combine(quickstart.Work, "empty.png");

        Assert.Empty(HeadlessChromium.Render(page, screenshot, 800, 600));

        Assert.True(PngImage.Decode(File.ReadAllBytes(screenshot)).NonBackgroundShare() < 0.001);
    }

    [Fact]
    public void Console_RedirectedToAPipe_KeepsSentencesAndPathsOnOneLine()
    {
        var lines = quickstart.Run.Output.ReplaceLineEndings("\n").Split('\n');

        // Spectre.Console wraps redirected output at 80 columns; these lines are longer and must stay whole.
        Assert.Contains("  " + Path.Combine(quickstart.Folder, "report.html"), lines);
        Assert.Contains(lines, l => l.StartsWith("- Win rate is won / decided deals (", StringComparison.Ordinal) && l.EndsWith("are still open.", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("400 leads created ", StringComparison.Ordinal) && l.EndsWith("of all leads).", StringComparison.Ordinal));

        // Tables keep their rows on one line: every row of the KPI table has its value.
        Assert.Contains(lines, l => l.Contains("Win rate (decided deals)", StringComparison.Ordinal) && l.Contains('%', StringComparison.Ordinal));
    }

    /// <summary>The data rows of the first Markdown table after <paramref name="heading"/>, as trimmed cells.</summary>
    private static List<string[]> Table(string[] lines, string heading)
    {
        var start = Array.IndexOf(lines, heading);
        Assert.True(start >= 0, $"report.md has no '{heading}'");
        var header = Array.FindIndex(lines, start, l => l.StartsWith('|'));
        return [.. lines.Skip(header + 2).TakeWhile(l => l.StartsWith('|')).Select(l => l.Trim().Trim('|').Split('|').Select(c => c.Trim().Trim('*')).ToArray())];
    }

    private static long Number(string text) => long.Parse(text, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"Scoring rates (?<today>[\d,]+) leads MQL or SQL on the report date .* so (?<reached>[\d,]+) leads have reached MQL: (?<still>[\d,]+) still qualify today and (?<earlier>[\d,]+) qualified earlier")]
    private static partial Regex ScoringNote();

    [GeneratedRegex(@"\| \d+/\d+ \| \d+/\d+ = ")]
    private static partial Regex RateWithCounts();
}
