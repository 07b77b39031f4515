using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadKit.Abstractions.Engagement;
using LeadKit.Abstractions.Funnel;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Sources;

namespace LeadKit.Abstractions.Tests.Vocabulary;

public sealed class VocabularyTests
{
    [Fact]
    public void LeadSource_ParsedWellKnownValue_IsTheSameValueWithTheSameOrdinal()
    {
        var parsed = new LeadSource("referral");

        Assert.Equal(LeadSource.Referral, parsed);
        Assert.Equal(LeadSource.Referral.Ordinal, parsed.Ordinal);
        Assert.Same(LeadSource.Referral.Value, parsed.Value);
    }

    [Fact]
    public void Vocabularies_DistinctRegisteredValues_HaveDistinctPositiveOrdinals()
    {
        var ordinals = new[] { LeadSource.Referral, LeadSource.PurchasedList, LeadSource.RecycledOpportunity, LeadSource.Register(new LeadSource("partner_portal")) }
            .Select(s => s.Ordinal).ToArray();

        Assert.Equal(ordinals.Length, ordinals.Distinct().Count());
        Assert.All(ordinals, o => Assert.True(o > 0));
    }

    [Fact]
    public void Default_IsUnsetAndDiffersFromEveryValue()
    {
        Assert.True(default(FunnelStage).IsDefault);
        Assert.NotEqual(default, FunnelStage.Suspect);
        Assert.Equal(string.Empty, default(EngagementSignalKind).ToString());
    }

    [Theory]
    [InlineData("LinkedIn")]
    [InlineData("web form")]
    [InlineData("_hidden")]
    [InlineData("")]
    [InlineData("ümlaut")]
    public void LeadSource_NotAMachineName_ThrowsNamingTheRuleNotTheValue(string text)
    {
        var ex = Assert.Throws<ArgumentException>(() => new LeadSource(text));
        Assert.Equal("value", ex.ParamName);
        Assert.StartsWith("value must ", ex.Message, StringComparison.Ordinal);
        if (text.Length > 0)
        {
            Assert.DoesNotContain(text, ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void EngagementSignalKind_TooLong_Throws()
        => Assert.Throws<ArgumentException>(() => new EngagementSignalKind(new string('a', 65)));

    [Property(Arbitrary = [typeof(Arbitraries)])]
    public bool AnyMachineName_IsAcceptedAndKeepsItsText(MachineName name)
    {
        var kind = new EngagementSignalKind(name.Value);
        var trigger = new FunnelTrigger(name.Value);
        var key = new CustomFieldKey(name.Value);
        return kind.Value == name.Value && trigger.Value == name.Value && key.Value == name.Value
            && kind == new EngagementSignalKind(name.Value) && kind.GetHashCode() == new EngagementSignalKind(name.Value).GetHashCode();
    }

    [Property]
    public bool TextWithAnUpperCaseLetterOrSpace_IsAlwaysRejected(NonNull<string> text, bool space)
    {
        var value = text.Get + (space ? " " : "X");
        return Record.Exception(() => new LeadSource(value)) is ArgumentException;
    }

    [Fact]
    public void Registering_FromManyThreads_GivesOneOrdinalPerValueAndItsText()
    {
        // New names, so the table grows while other threads read it.
        var names = Enumerable.Range(0, 300).Select(i => $"threaded_kind_{Guid.NewGuid():N}_{i}").ToArray();
        var results = new EngagementSignalKind[8][];

        Parallel.For(0, results.Length, t => results[t] = (t % 2 == 0 ? names : names.Reverse()).Select(n => EngagementSignalKind.Register(new EngagementSignalKind(n))).ToArray());

        var ordinals = results[0].Select(k => k.Ordinal).ToArray();
        for (var t = 1; t < results.Length; t++)
        {
            var kinds = t % 2 == 0 ? results[t] : results[t].Reverse();
            Assert.Equal(ordinals, kinds.Select(k => k.Ordinal));
        }

        Assert.Equal(names.Length, ordinals.Distinct().Count());
        Assert.Equal(names, results[0].Select(k => k.Value));
    }

    public sealed record MachineName(string Value);

    public static class Arbitraries
    {
        public static Arbitrary<MachineName> MachineName() => DomainGenerators.Slug.Select(s => new MachineName(s)).ToArbitrary();
    }
}
