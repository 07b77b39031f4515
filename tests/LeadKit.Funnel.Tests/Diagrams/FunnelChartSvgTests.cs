using System.Globalization;
using System.Xml.Linq;
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

    private static double Width(XElement rect) => double.Parse(rect.Attribute("width")!.Value, CultureInfo.InvariantCulture);
}
