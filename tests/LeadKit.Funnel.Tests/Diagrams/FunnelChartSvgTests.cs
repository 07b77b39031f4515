using System.Globalization;
using System.Xml.Linq;
using FsCheck;
using FsCheck.Xunit;
using LeadKit.Abstractions.Common;
using LeadKit.Funnel.Diagrams;

namespace LeadKit.Funnel.Tests.Diagrams;

/// <summary>The funnel chart reads as a funnel: a title, every stage, counts, step conversion, small stages visible.</summary>
public sealed class FunnelChartSvgTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static readonly FunnelChartStage[] Stages =
    [
        new("Lead", 2000), new("MQL", 37), new("SAL", 30), new("SQL", 22), new("Opportunity", 22), new("Customer", 9),
    ];

    [Fact]
    public void ToSvg_EveryStage_IsShownWithItsCountAndStepConversion()
    {
        var svg = XDocument.Parse(FunnelDiagrams.ToSvg(Stages, "Lead funnel"));
        var texts = svg.Descendants(Svg + "text").Select(t => t.Value).ToList();

        Assert.Equal(Svg + "svg", svg.Root!.Name);
        Assert.NotNull(svg.Root.Attribute("viewBox"));
        Assert.Equal("Lead funnel", svg.Root.Element(Svg + "title")?.Value);
        Assert.Contains("Lead funnel", texts);
        foreach (var stage in Stages)
        {
            Assert.Contains(stage.Label, texts);
            Assert.Contains(stage.Count.ToString("N0", CultureInfo.InvariantCulture), texts);
        }

        // Step to step: 37 of 2,000, 30 of 37, 22 of 30, 22 of 22, 9 of 22.
        Assert.Contains(texts, t => t.Contains("1.9%", StringComparison.Ordinal) && t.Contains("of Lead", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("81.1%", StringComparison.Ordinal) && t.Contains("of MQL", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("40.9%", StringComparison.Ordinal) && t.Contains("of Opportunity", StringComparison.Ordinal));
    }

    [Fact]
    public void ToSvg_SmallStages_AreVisibleBarsThatStillShrinkDownTheFunnel()
    {
        var svg = XDocument.Parse(FunnelDiagrams.ToSvg(Stages, "Lead funnel"));
        var bars = svg.Descendants(Svg + "rect").Where(r => (string?)r.Attribute("class") == "stage").Select(Width).ToList();

        Assert.Equal(Stages.Length, bars.Count);
        // A linear scale makes 9 of 2,000 a 0.45% sliver; the chart keeps the smallest bar at least a fifth of the widest.
        Assert.True(bars[^1] >= bars[0] / 5, $"smallest bar {bars[^1]} of widest {bars[0]}");
        for (var i = 1; i < bars.Count; i++)
        {
            Assert.True(bars[i] <= bars[i - 1], $"bar {i} ({bars[i]}) is wider than bar {i - 1} ({bars[i - 1]})");
        }

        Assert.True(bars[1] < bars[0], "37 leads must look smaller than 2,000");
    }

    [Fact]
    public void ToSvg_LabelsWithMarkup_AreEscapedAndAZeroStageHasNoStepRate()
    {
        var text = FunnelDiagrams.ToSvg([new("A <b>&</b>", 10), new("B", 0), new("C", 0)], "T <&>");
        var svg = XDocument.Parse(text);
        var texts = svg.Descendants(Svg + "text").Select(t => t.Value).ToList();

        Assert.Contains("A <b>&</b>", texts);
        Assert.Contains("T <&>", texts);
        Assert.Contains(texts, t => t.Contains("0.0% of A", StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => t.Contains("of B", StringComparison.Ordinal));
    }

    [Fact]
    public void ToSvg_InvalidInput_NamesTheArgument()
    {
        Assert.Equal("stages", Assert.Throws<ArgumentException>(() => FunnelDiagrams.ToSvg([], "T")).ParamName);
        Assert.Equal("stages", Assert.Throws<ArgumentOutOfRangeException>(() => FunnelDiagrams.ToSvg([new("A", -1)], "T")).ParamName);
        Assert.Equal("stages", Assert.Throws<ArgumentException>(() => FunnelDiagrams.ToSvg([new(" ", 1)], "T")).ParamName);
        Assert.Equal("title", Assert.Throws<ArgumentException>(() => FunnelDiagrams.ToSvg([new("A", 1)], " ")).ParamName);
    }

    [Fact]
    public void ToSvg_LabelThatWouldBreakTheDocument_IsRefusedWithoutEchoingIt()
    {
        // XML cannot carry U+0001 even escaped, and a lone surrogate is not text: both would make an unreadable file.
        var control = "MQL\u0001secret";
        var surrogate = "SQL" + new string('\uD800', 1) + "secret";

        var first = Assert.Throws<ArgumentException>(() => FunnelDiagrams.ToSvg([new("Lead", 10), new(control, 5)], "T"));
        var second = Assert.Throws<ArgumentException>(() => FunnelDiagrams.ToSvg([new(surrogate, 5)], "T"));
        var title = Assert.Throws<ArgumentException>(() => FunnelDiagrams.ToSvg([new("Lead", 5)], "T\u202Esecret"));

        Assert.Contains("stages[1].Label", first.Message, StringComparison.Ordinal);
        Assert.Contains("stages[0].Label", second.Message, StringComparison.Ordinal);
        Assert.Equal("title", title.ParamName);
        Assert.All([first, second, title], e => Assert.DoesNotContain("secret", e.Message, StringComparison.Ordinal));
    }

    [Property(MaxTest = 300)]
    public void ToSvg_AnyStages_IsWellFormedWithOneBarPerStage_OrARefusalOfTheLabel(NonEmptyArray<(string? Label, NonNegativeInt Count)> input)
    {
        var stages = input.Get.Take(62).Select(s => new FunnelChartStage(s.Label ?? "stage", s.Count.Get)).ToArray();

        string svg;
        try
        {
            svg = FunnelDiagrams.ToSvg(stages, "Funnel");
        }
        catch (ArgumentException e) when (e is not ArgumentOutOfRangeException and not ArgumentNullException)
        {
            // Refused only for a label that breaks the naming rule.
            Assert.Contains(stages, s => !ConfigurationName.IsValid(s.Label));
            return;
        }

        Assert.All(stages, s => Assert.True(ConfigurationName.IsValid(s.Label)));
        var document = XDocument.Parse(svg);
        var bars = document.Descendants(Svg + "rect").Where(r => (string?)r.Attribute("class") == "stage").Select(Width).ToList();
        Assert.Equal(stages.Length, bars.Count);
        Assert.All(bars, w => Assert.InRange(w, 1, 760));
        var texts = document.Descendants(Svg + "text").Select(t => t.Value).ToList();
        Assert.All(stages, s => Assert.Contains(s.Label, texts));
    }

    private static double Width(XElement rect) => double.Parse(rect.Attribute("width")!.Value, CultureInfo.InvariantCulture);
}
