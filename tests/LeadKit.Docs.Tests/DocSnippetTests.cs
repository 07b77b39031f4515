using System.Text.RegularExpressions;

namespace LeadKit.Docs.Tests;

/// <summary>
/// The C# that users read (docs/*.md, README.md, src/*/README.md) is code that compiles and runs: every C# block follows a
/// <c>&lt;!-- snippet: name --&gt;</c> marker and equals the <c>#region name</c> of a file in Snippets/.
/// </summary>
public sealed partial class DocSnippetTests
{
    private const string MarkerStart = "<!-- snippet: ";

    // Fence languages that render as C#: each needs a marker, so C# cannot slip in under another name.
    private static readonly string[] CSharpLanguages = ["csharp", "cs", "c#"];

    [Fact]
    public void Docs_EveryCSharpBlock_FollowsASnippetMarker()
    {
        var unmarked = new List<string>();
        foreach (var doc in DocFiles.MarkdownFiles())
        {
            foreach (var block in CSharpBlocks(doc))
            {
                if (!block.LineAbove.StartsWith(MarkerStart, StringComparison.Ordinal))
                {
                    unmarked.Add($"{DocFiles.Relative(doc)}:{block.Line}");
                }
            }
        }

        Assert.True(
            unmarked.Count == 0,
            $"These C# blocks are not quoted from a compiled snippet: {string.Join(", ", unmarked)}. Move the code into a #region of "
            + "tests/LeadKit.Docs.Tests/Snippets/*.cs and put <!-- snippet: region-name --> on the line above the block.");
    }

    [Fact]
    public void Docs_SnippetBlocks_MatchCompiledRegions()
    {
        var regions = Regions();
        var problems = new List<string>();
        foreach (var doc in DocFiles.MarkdownFiles())
        {
            foreach (var block in CSharpBlocks(doc))
            {
                var marker = MarkerPattern().Match(block.LineAbove);
                if (!marker.Success)
                {
                    continue;   // reported by Docs_EveryCSharpBlock_FollowsASnippetMarker
                }

                var name = marker.Groups["name"].Value;
                var where = $"{DocFiles.Relative(doc)}:{block.Line}";
                if (!regions.TryGetValue(name, out var region))
                {
                    problems.Add($"{where} quotes snippet '{name}', which no file in Snippets/ has as a #region.");
                }
                else if (!string.Equals(region.Code, Unindent(block.Code), StringComparison.Ordinal))
                {
                    problems.Add($"{where} differs from #region {name} in {region.File}: copy the region into the doc.\n--- region:\n{region.Code}\n--- doc:\n{Unindent(block.Code)}");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n\n", problems));
    }

    [Fact]
    public void Snippets_EveryRegion_IsQuotedByADoc()
    {
        var quoted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var doc in DocFiles.MarkdownFiles())
        {
            foreach (var block in CSharpBlocks(doc))
            {
                var marker = MarkerPattern().Match(block.LineAbove);
                if (marker.Success)
                {
                    quoted.Add(marker.Groups["name"].Value);
                }
            }
        }

        var unquoted = Regions().Where(r => !quoted.Contains(r.Key)).Select(r => $"{r.Key} ({r.Value.File})").Order(StringComparer.Ordinal).ToList();
        Assert.True(unquoted.Count == 0, $"These snippet regions are shown in no doc: {string.Join(", ", unquoted)}.");
    }

    [Fact]
    public void CSharpBlocks_MarkedAndUnmarked_AreFoundWithTheirLines()
    {
        var path = Path.Combine(Path.GetTempPath(), $"leadkit-doc-{Guid.NewGuid():N}.md");
        File.WriteAllText(path, "# T\n\n<!-- snippet: ok -->\n```csharp\nvar a = 1;\n```\n\n```cs\nvar b = 2;\n```\n\n```json\n{}\n```\n");
        try
        {
            var blocks = CSharpBlocks(path);

            Assert.Equal([(4, true), (8, false)], blocks.Select(b => (b.Line, b.LineAbove.StartsWith(MarkerStart, StringComparison.Ordinal))));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static IEnumerable<FencedBlock> CSharpBlocks(string doc)
        => DocFiles.Blocks(doc).Where(b => CSharpLanguages.Contains(b.Language, StringComparer.OrdinalIgnoreCase));

    private static Dictionary<string, (string File, string Code)> Regions()
    {
        var regions = new Dictionary<string, (string File, string Code)>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(Path.Combine(DocFiles.Root, "tests", "LeadKit.Docs.Tests", "Snippets"), "*.cs").Order(StringComparer.Ordinal))
        {
            foreach (Match region in RegionPattern().Matches(File.ReadAllText(file)))
            {
                var name = region.Groups["name"].Value;
                Assert.False(regions.ContainsKey(name), $"#region {name} is defined twice ({regions.GetValueOrDefault(name).File} and {Path.GetFileName(file)}).");
                regions.Add(name, (Path.GetFileName(file), Unindent(region.Groups["code"].Value)));
            }
        }

        return regions;
    }

    private static string Unindent(string code)
    {
        var lines = code.Replace("\r\n", "\n", StringComparison.Ordinal).Trim('\n').Split('\n');
        var indent = lines.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        return string.Join('\n', lines.Select(l => l.Length >= indent ? l[indent..].TrimEnd() : l.TrimEnd()));
    }

    [GeneratedRegex(@"#region (?<name>[a-z0-9-]+)\r?\n(?<code>.*?)\r?\n\s*#endregion", RegexOptions.Singleline)]
    private static partial Regex RegionPattern();

    [GeneratedRegex(@"^<!-- snippet: (?<name>[a-z0-9-]+) -->$")]
    private static partial Regex MarkerPattern();
}
