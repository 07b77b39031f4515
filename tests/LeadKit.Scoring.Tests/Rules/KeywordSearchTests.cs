using System.Buffers;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadKit.Abstractions.Fields;
using LeadKit.Abstractions.Leads;
using LeadKit.Scoring.Rules;
using LeadKit.Testing;

namespace LeadKit.Scoring.Tests.Rules;

/// <summary>
/// The keyword search against <see cref="SearchValues{T}"/> with <see cref="StringComparison.OrdinalIgnoreCase"/>, the
/// semantics it must keep: text of every length around the fast path's limits (7, 8, 15, 16, 32, 33 characters),
/// mixed case, and characters outside ASCII related to ASCII letters by Unicode case rules.
/// </summary>
public class KeywordSearchTests
{
    // Characters outside ASCII whose Unicode case rules involve ASCII letters (long s, Kelvin sign), and NUL.
    private const string Alphabet = "abcdeoprsSAELnt ";
    private const string Rare = "ſKé\0-";

    private static readonly Gen<string> Text =
        from length in Gen.Choose(0, 40)
        from chars in Gen.Frequency((12, Gen.Elements(Alphabet.ToCharArray())), (1, Gen.Elements(Rare.ToCharArray()))).ArrayOf(length)
        select new string(chars);

    private static readonly Gen<string> Word =
        from length in Gen.Choose(1, 6)
        from chars in Gen.Frequency((20, Gen.Elements(Alphabet.ToCharArray())), (1, Gen.Elements(Rare.ToCharArray()))).ArrayOf(length)
        select new string(chars);

    private static readonly Gen<(string Text, string[] Keywords)> Case =
        from keywords in Word.ArrayOf().Where(k => k.Length is > 0 and <= 6)
        from text in Gen.OneOf(Text, PlantedText(keywords))
        select (text, keywords);

    [Property(MaxTest = 3000)]
    public Property IsIn_AnyTextAndKeywords_AgreesWithSearchValues()
        => Prop.ForAll(Case.ToArbitrary(), c =>
        {
            var expected = c.Text.AsSpan().ContainsAny(SearchValues.Create(c.Keywords, StringComparison.OrdinalIgnoreCase));
            return new KeywordSearch(c.Keywords).IsIn(c.Text) == expected;
        });

    [Property(MaxTest = 1000)]
    public Property IsIn_AnyTextAndKeywords_AgreesWithTheReferenceContains()
        => Prop.ForAll(Case.ToArbitrary(), c =>
        {
            var reference = FieldCondition.Custom(new CustomFieldKey("note"), FieldOperator.Contains, [.. c.Keywords]);
            var lead = LeadBuilder.New().WithField("note", CustomFieldValue.FromText(c.Text.Length == 0 ? " " : c.Text)).Build();
            var text = c.Text.Length == 0 ? " " : c.Text;
            return new KeywordSearch(c.Keywords).IsIn(text) == reference.Matches(lead);
        });

    [Theory]
    [InlineData("Head of Sales", true)]
    [InlineData("HEAD OF SALES!", true)]
    [InlineData("Chief Revenue Officer", true)]
    [InlineData("Sales", true)]
    [InlineData("Chief Executive Officer", false)]
    [InlineData("Director of Wholesale Operations, Europe", false)]
    [InlineData("Director of Wholesales Operations, Europe", true)]
    [InlineData("Head of Sale", false)]
    [InlineData("VP Revenue", true)]
    [InlineData("Vice-président, Revenue", true)]
    public void IsIn_JobTitles_FindsTheKeywordsIgnoringCase(string title, bool expected)
    {
        var search = new KeywordSearch(["sales", "revenue"]);
        Assert.Equal(expected, search.IsIn(title));
    }

    /// <summary>Text around one of the keywords, in random case, so that matches at every position are common.</summary>
    private static Gen<string> PlantedText(string[] keywords) =>
        from before in Text
        from keyword in Gen.Elements(keywords)
        from upper in Gen.Elements(true, false)
        from after in Text
        let length = Math.Min(before.Length, 34 - keyword.Length)
        select before[..Math.Max(0, length)] + (upper ? keyword.ToUpperInvariant() : keyword) + after[..Math.Min(after.Length, 3)];
}
