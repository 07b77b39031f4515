using LeadKit.Abstractions.Configuration;
using LeadKit.Scoring.Model;
using LeadKit.Scoring.RuleSets;

namespace LeadKit.Docs.Tests;

/// <summary>
/// The JSON rule sets the docs show load as the docs say. A <c>```json</c> block after <c>&lt;!-- ruleset --&gt;</c> must
/// load with <see cref="ScoringRuleSet.Parse(string)"/>; one after <c>&lt;!-- ruleset: invalid --&gt;</c> must be rejected
/// with exactly the problems listed, one <c>path: message</c> a line, in the next fenced block.
/// </summary>
public sealed class RuleSetDocTests
{
    private const string ValidMarker = "<!-- ruleset -->";
    private const string InvalidMarker = "<!-- ruleset: invalid -->";

    public static TheoryData<string, int> ValidRuleSets() => Marked(ValidMarker);

    public static TheoryData<string, int> InvalidRuleSets() => Marked(InvalidMarker);

    [Theory]
    [MemberData(nameof(ValidRuleSets))]
    public void RuleSetBlock_MarkedValid_Loads(string doc, int line)
    {
        var block = BlockAt(doc, line);

        var ruleSet = ScoringRuleSet.Parse(block.Code);

        Assert.NotNull(ruleSet.Model);
    }

    [Theory]
    [MemberData(nameof(InvalidRuleSets))]
    public void RuleSetBlock_MarkedInvalid_IsRejectedWithTheDocumentedProblems(string doc, int line)
    {
        var blocks = DocFiles.Blocks(Path.Combine(DocFiles.Root, doc));
        var index = blocks.ToList().FindIndex(b => b.Line == line);
        Assert.True(index + 1 < blocks.Count, $"{doc}:{line}: an invalid rule set must be followed by a block listing its problems.");
        var documented = blocks[index + 1].Code.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        var exception = Assert.Throws<ConfigurationException>(() => ScoringRuleSet.Parse(blocks[index].Code));

        Assert.Equal(documented, exception.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void RuleSetBlocks_Docs_AtLeastTheScoringGuideIsChecked()
    {
        Assert.Contains(ValidRuleSets(), row => (string)row[0] == "docs/scoring-rules.md");
        Assert.Contains(InvalidRuleSets(), row => (string)row[0] == "docs/scoring-rules.md");
    }

    [Fact]
    public void CompleteExample_ScoringGuide_ShowsTheExampleFileVerbatim()
    {
        var shown = DocFiles.Blocks(Path.Combine(DocFiles.Root, "docs", "scoring-rules.md"), "json").First(b => b.LineAbove == ValidMarker);
        var file = File.ReadAllText(Path.Combine(DocFiles.Root, "docs", "examples", "b2b-scoring-rules.json"));

        Assert.Equal(file.Replace("\r\n", "\n", StringComparison.Ordinal).Trim(), shown.Code.Trim());
    }

    private static FencedBlock BlockAt(string doc, int line) => DocFiles.Blocks(Path.Combine(DocFiles.Root, doc)).Single(b => b.Line == line);

    private static TheoryData<string, int> Marked(string marker)
    {
        var data = new TheoryData<string, int>();
        foreach (var doc in DocFiles.MarkdownFiles())
        {
            foreach (var block in DocFiles.Blocks(doc, "json"))
            {
                if (block.LineAbove == marker)
                {
                    data.Add(DocFiles.Relative(doc), block.Line);
                }
            }
        }

        return data;
    }
}
