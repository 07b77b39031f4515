using System.Text.RegularExpressions;

namespace LeadKit.Docs.Tests;

/// <summary>
/// Every C# block in docs/*.md that follows a <c>&lt;!-- snippet: name --&gt;</c> marker must equal the
/// <c>#region name</c> of a file in Snippets/, so the code shown in the docs is code that compiles and runs.
/// </summary>
public sealed partial class DocSnippetTests
{
    [Fact]
    public void Docs_SnippetBlocks_MatchCompiledRegions()
    {
        var root = RepositoryRoot();
        var regions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(Path.Combine(root, "tests", "LeadKit.Docs.Tests", "Snippets"), "*.cs"))
        {
            foreach (Match region in RegionPattern().Matches(File.ReadAllText(file)))
            {
                regions.Add(region.Groups["name"].Value, Unindent(region.Groups["code"].Value));
            }
        }

        var checkedBlocks = 0;
        foreach (var doc in Directory.GetFiles(Path.Combine(root, "docs"), "*.md"))
        {
            foreach (Match block in SnippetPattern().Matches(File.ReadAllText(doc)))
            {
                var name = block.Groups["name"].Value;
                Assert.True(regions.TryGetValue(name, out var code), $"{Path.GetFileName(doc)} quotes snippet '{name}', which no file in Snippets/ has as a #region.");
                Assert.Equal(code, Unindent(block.Groups["code"].Value));
                checkedBlocks++;
            }
        }

        Assert.True(checkedBlocks >= regions.Count, $"Only {checkedBlocks} doc blocks quote the {regions.Count} snippet regions; every region should be shown in a doc.");
    }

    private static string Unindent(string code)
    {
        var lines = code.Replace("\r\n", "\n", StringComparison.Ordinal).Trim('\n').Split('\n');
        var indent = lines.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        return string.Join('\n', lines.Select(l => l.Length >= indent ? l[indent..].TrimEnd() : l.TrimEnd()));
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LeadKit.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("LeadKit.sln was not found above the test's folder.");
    }

    [GeneratedRegex(@"#region (?<name>[a-z0-9-]+)\r?\n(?<code>.*?)\r?\n\s*#endregion", RegexOptions.Singleline)]
    private static partial Regex RegionPattern();

    [GeneratedRegex(@"<!-- snippet: (?<name>[a-z0-9-]+) -->\r?\n```csharp\r?\n(?<code>.*?)\r?\n```", RegexOptions.Singleline)]
    private static partial Regex SnippetPattern();
}
