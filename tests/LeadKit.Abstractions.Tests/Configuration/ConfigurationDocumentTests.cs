using System.Text;
using LeadKit.Abstractions.Configuration;
using Xunit;

namespace LeadKit.Abstractions.Tests.Configuration;

public sealed class ConfigurationDocumentTests
{
    private static readonly ConfigurationDocumentOptions Options = new("test format", maximumVersion: 2) { MaximumBytes = 200, MaximumDepth = 4 };

    [Theory]
    [InlineData("""{"version":1,"a":1,"a":2}""", "$.a", ConfigurationProblemCodes.DuplicateKey)]
    [InlineData("""{"version":1,"o":{"x":1,"x":1}}""", "$.o.x", ConfigurationProblemCodes.DuplicateKey)]
    [InlineData("""{"version":1, /* c */ "a":1}""", "$", ConfigurationProblemCodes.InvalidJson)]
    [InlineData("""{"version":1,"a":[1,2,],}""", "$.a[1]", ConfigurationProblemCodes.InvalidJson)]
    [InlineData("""{"version":1,"a":{"b":{"c":{"d":{"e":1}}}}}""", "$.a.b.c.d", ConfigurationProblemCodes.TooDeep)]
    [InlineData("""{"version":3}""", "$.version", ConfigurationProblemCodes.UnsupportedVersion)]
    [InlineData("""{"version":"1"}""", "$.version", ConfigurationProblemCodes.UnsupportedVersion)]
    [InlineData("""{"a":1}""", "$.version", ConfigurationProblemCodes.UnsupportedVersion)]
    [InlineData("""[1]""", "$", ConfigurationProblemCodes.WrongType)]
    [InlineData("""{"version":1,"list":[{"s":"\ud800"}]}""", "$.list[0].s", ConfigurationProblemCodes.InvalidText)]
    public void Parse_RefusedDocument_ReportsOneProblemWithPathAndCode(string json, string path, string code)
    {
        var problems = new List<ConfigurationProblem>();

        using var document = ConfigurationDocument.Parse(Encoding.UTF8.GetBytes(json), Options, problems);

        Assert.Null(document);
        var problem = Assert.Single(problems);
        Assert.Equal(path, problem.Path);
        Assert.Equal(code, problem.Code);
    }

    [Fact]
    public void Parse_ByteOrderMarkAndVersion_Accepted()
    {
        var problems = new List<ConfigurationProblem>();
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. """{"version":2,"a":{"a":1}}"""u8];

        using var document = ConfigurationDocument.Parse(bytes, Options, problems);

        Assert.NotNull(document);
        Assert.Empty(problems);
    }

    [Fact]
    public void Parse_TooLargeOrInvalidUtf8_Refused()
    {
        var problems = new List<ConfigurationProblem>();
        var large = Encoding.UTF8.GetBytes("{\"version\":1,\"a\":\"" + new string('x', 300) + "\"}");
        byte[] invalid = [.. "{\"version\":1,\"a\":\""u8, 0xC3, 0x28, .. "\"}"u8];

        Assert.Null(ConfigurationDocument.Parse(large, Options, problems));
        Assert.Null(ConfigurationDocument.Parse(invalid, Options, problems));

        Assert.Equal([ConfigurationProblemCodes.TooLarge, ConfigurationProblemCodes.InvalidText], problems.Select(p => p.Code));
    }

    [Fact]
    public void Parse_TextWithUnpairedSurrogate_Refused()
    {
        var problems = new List<ConfigurationProblem>();

        Assert.Null(ConfigurationDocument.Parse("{\"version\":1,\"a\":\"\uD800\"}", Options, problems));

        Assert.Equal(ConfigurationProblemCodes.InvalidText, Assert.Single(problems).Code);
    }

    [Fact]
    public async Task ParseAsync_StreamLargerThanLimit_RefusedWithoutReadingItAll()
    {
        var problems = new List<ConfigurationProblem>();
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("{\"version\":1,\"a\":\"" + new string('x', 10_000) + "\"}"));

        Assert.Null(await ConfigurationDocument.ParseAsync(stream, Options, problems));

        Assert.Equal(ConfigurationProblemCodes.TooLarge, Assert.Single(problems).Code);
        Assert.True(stream.Position < 1_000);
    }

    [Fact]
    public void Element_ReadsAndReportsWithPaths()
    {
        var problems = new List<ConfigurationProblem>();
        using var document = ConfigurationDocument.Parse("""{"version":1,"rules":[{"points":"x","extra":1,"é":2},{"points":500}]}""", Options, problems)!;
        var root = new ConfigurationElement(document.RootElement, "$", problems);

        Assert.True(root.ExpectObject("version", "rules"));
        Assert.True(root.TryGetRequired("rules", out var rules));
        var items = rules.GetArray();
        foreach (var item in items)
        {
            item.ExpectObject("points");
            if (item.TryGetRequired("points", out var points))
            {
                points.GetNumber(-100, 100);
            }
        }

        Assert.False(root.TryGetRequired("name", out _));
        Assert.Equal(
            [
                "$.rules[0].extra: unknown-property",
                "$.rules[0][?]: unknown-property",
                "$.rules[0].points: wrong-type",
                "$.rules[1].points: out-of-range",
                "$.name: required",
            ],
            problems.Select(p => p.Path + ": " + p.Code));
    }

    [Fact]
    public void Exception_ListsEveryProblem()
    {
        var exception = new ConfigurationException([new("$.a", "x-code", "is wrong"), new("$.b", "y-code", "is missing")]);

        Assert.Equal(2, exception.Problems.Length);
        Assert.Contains("$.a: is wrong [x-code]", exception.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new ConfigurationException(Array.Empty<ConfigurationProblem>()));
    }
}
