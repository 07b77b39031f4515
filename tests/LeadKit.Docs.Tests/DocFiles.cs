using System.Text.RegularExpressions;

namespace LeadKit.Docs.Tests;

/// <summary>Finds the repository's Markdown files and the fenced blocks they show.</summary>
internal static partial class DocFiles
{
    /// <summary>Gets the repository root: the first folder above the test's output that holds LeadKit.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>Gets docs/*.md, README.md and src/*/README.md: every Markdown file that shows code to users.</summary>
    public static IReadOnlyList<string> MarkdownFiles()
    {
        var files = new List<string>(Directory.GetFiles(Path.Combine(Root, "docs"), "*.md"));
        files.Add(Path.Combine(Root, "README.md"));
        foreach (var project in Directory.GetDirectories(Path.Combine(Root, "src")))
        {
            var readme = Path.Combine(project, "README.md");
            if (File.Exists(readme))
            {
                files.Add(readme);
            }
        }

        files.Sort(StringComparer.Ordinal);
        return files;
    }

    /// <summary>Gets a path relative to the repository root, with forward slashes, for messages.</summary>
    public static string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');

    /// <summary>Gets every fenced block of <paramref name="language"/> in a Markdown file.</summary>
    public static IReadOnlyList<FencedBlock> Blocks(string markdownPath, string language)
        => [.. Blocks(markdownPath).Where(b => string.Equals(b.Language, language, StringComparison.OrdinalIgnoreCase))];

    /// <summary>Gets every fenced block in a Markdown file with its language, the line it opens on and the line above it.</summary>
    public static IReadOnlyList<FencedBlock> Blocks(string markdownPath)
    {
        var lines = File.ReadAllText(markdownPath).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var blocks = new List<FencedBlock>();
        for (var i = 0; i < lines.Length; i++)
        {
            var fence = FencePattern().Match(lines[i]);
            if (!fence.Success)
            {
                continue;
            }

            var indent = fence.Groups["indent"].Value;
            var end = i + 1;
            while (end < lines.Length && lines[end].Trim() != "```")
            {
                end++;
            }

            var body = lines[(i + 1)..Math.Min(end, lines.Length)].Select(l => l.StartsWith(indent, StringComparison.Ordinal) ? l[indent.Length..] : l);
            blocks.Add(new FencedBlock(i + 1, fence.Groups["lang"].Value, i > 0 ? lines[i - 1].Trim() : string.Empty, string.Join('\n', body)));

            i = end;
        }

        return blocks;
    }

    private static string FindRoot()
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

    [GeneratedRegex(@"^(?<indent>\s*)```(?<lang>[A-Za-z0-9+#-]*)\s*$")]
    private static partial Regex FencePattern();
}
