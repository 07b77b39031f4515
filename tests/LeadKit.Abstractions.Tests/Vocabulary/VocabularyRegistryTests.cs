using System.Reflection;
using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadKit.Abstractions.Common;
using LeadKit.Abstractions.Engagement;
using LeadKit.Abstractions.Funnel;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Serialization;
using LeadKit.Abstractions.Sources;

namespace LeadKit.Abstractions.Tests.Vocabulary;

/// <summary>Registration by trusted code only, and values that agree whether their name was registered before or after.</summary>
public sealed class VocabularyRegistryTests
{
    private static string Fresh(string stem) => stem + "_" + Guid.NewGuid().ToString("N")[..12];

    [Fact]
    public void Constructing_ANewName_DoesNotRegisterIt()
    {
        var name = Fresh("unseen");
        var before = RegisteredCount<LeadSource>();

        var source = new LeadSource(name);
        Assert.True(LeadSource.TryParse(name, out var parsed));

        Assert.False(source.IsRegistered);
        Assert.Equal(-1, source.Ordinal);
        Assert.Equal(source, parsed);
        Assert.Equal(before, RegisteredCount<LeadSource>());
    }

    [Fact]
    public void WellKnownValues_AreRegistered()
    {
        Assert.True(LeadSource.Referral.IsRegistered);
        Assert.True(EngagementSignalKind.DemoRequested.IsRegistered);
        Assert.True(FunnelStage.Mql.IsRegistered);
        Assert.True(FunnelTrigger.Qualify.IsRegistered);
        Assert.Equal(LeadSource.Referral.Ordinal, new LeadSource("referral").Ordinal);
    }

    [Fact]
    public void AValueCreatedBeforeItsNameWasRegistered_EqualsOneCreatedAfter_AndFindsTheOrdinal()
    {
        var name = Fresh("late");
        var early = new EngagementSignalKind(name);
        var earlyHash = early.GetHashCode();

        var registered = EngagementSignalKind.Register(new EngagementSignalKind(name));
        var late = new EngagementSignalKind(name);

        Assert.True(registered.IsRegistered);
        Assert.Equal(registered.Ordinal, late.Ordinal);
        Assert.Equal(registered.Ordinal, early.Ordinal);
        Assert.True(early == late && late == early && early.Equals(registered));
        Assert.Equal(earlyHash, late.GetHashCode());
        Assert.Equal(earlyHash, early.GetHashCode());
    }

    [Fact]
    public void Register_Default_Throws()
        => Assert.Throws<ArgumentException>(() => FunnelStage.Register(default));

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 200)]
    public bool EqualityAndHash_DependOnTheNameOnly_WhateverWasRegisteredWhen(Operation[] operations)
    {
        // A model of the registry: values created and names registered in any order, from a few names of this run.
        var names = Enumerable.Range(0, 4).Select(i => Fresh("m" + i)).ToArray();
        var values = new List<(int Name, FunnelTrigger Value)>();
        foreach (var op in operations)
        {
            var value = new FunnelTrigger(names[op.Name]);
            values.Add((op.Name, op.Register ? FunnelTrigger.Register(value) : value));
        }

        foreach (var (nameA, a) in values)
        {
            foreach (var (nameB, b) in values)
            {
                var same = nameA == nameB;
                if ((a == b) != same || a.Equals(b) != same || (a != b) == same || a.Equals((object)b) != same)
                {
                    return false;
                }

                if (same && (a.GetHashCode() != b.GetHashCode() || a.Ordinal != b.Ordinal))
                {
                    return false;
                }
            }
        }

        return values.TrueForAll(v => v.Value.Value == names[v.Name]);
    }

    [Property(Arbitrary = [typeof(Arbitraries)])]
    public bool ADictionaryKeyedByUnregisteredValues_FindsThemByTheirRegisteredCopies(VocabularyTests.MachineName stem)
    {
        var name = stem.Value + "_" + Guid.NewGuid().ToString("N")[..8];
        var map = new Dictionary<CustomFieldKey, int> { [new CustomFieldKey(name)] = 1 };
        var registered = CustomFieldKey.Register(new CustomFieldKey(name));
        return map.TryGetValue(registered, out var found) && found == 1 && map.ContainsKey(new CustomFieldKey(name));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Referral")]
    [InlineData("web form")]
    [InlineData("-x")]
    public void TryParse_NotAMachineName_ReturnsFalseAndDefault(string? text)
    {
        Assert.False(LeadSource.TryParse(text, out var source));
        Assert.True(source.IsDefault);
        Assert.False(EngagementSignalKind.TryParse(text, out _));
        Assert.False(FunnelStage.TryParse(text, out _));
        Assert.False(FunnelTrigger.TryParse(text, out _));
        Assert.False(CustomFieldKey.TryParse(text, out _));
    }

    [Fact]
    public void TryParse_LoneSurrogateOrTooLong_ReturnsFalse()
    {
        var lone = "ab" + '\uD800';
        Assert.False(LeadSource.TryParse(lone, out _));
        Assert.False(LeadSource.TryParse(new string('a', 65), out _));
        Assert.True(LeadSource.TryParse(new string('a', 64), out var longest));
        Assert.Equal(64, longest.Value!.Length);
    }

    [Property]
    public bool TryParse_AnyText_NeverThrowsAndAgreesWithTheConstructor(NonNull<string> text)
    {
        var ok = FunnelStage.TryParse(text.Get, out var parsed);
        var thrown = Record.Exception(() => new FunnelStage(text.Get));
        return ok ? thrown is null && parsed == new FunnelStage(text.Get) && parsed.Value == text.Get : thrown is ArgumentException && parsed.IsDefault;
    }

    [Fact]
    public void Messages_NameTheBrokenRule_NeverTheText()
    {
        const string Secret = "ana.silva@example.com";
        foreach (var text in new[] { Secret, Secret.ToUpperInvariant(), "_" + Secret, Secret + new string('x', 80) })
        {
            var ex = Assert.Throws<ArgumentException>(() => new CustomFieldKey(text));
            Assert.DoesNotContain("ana", ex.Message, StringComparison.OrdinalIgnoreCase);
            var json = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<CustomFieldKey>(JsonSerializer.Serialize(text)));
            Assert.DoesNotContain("ana", json.Message, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Contains("character 4", Assert.Throws<ArgumentException>(() => new LeadSource("abc@d")).Message, StringComparison.Ordinal);
        Assert.Contains("at most 64", Assert.Throws<ArgumentException>(() => new LeadSource(new string('a', 65))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_HostileStrings_GiveOnlyJsonException()
    {
        var inputs = new List<byte[]>
        {
            Encoding.UTF8.GetBytes("\"\\ud800\""),                      // escaped lone surrogate
            new byte[] { (byte)'"', 0x61, 0xC3, 0x28, (byte)'"' },                    // invalid UTF-8
            new byte[] { (byte)'"', 0xED, 0xA0, 0x80, (byte)'"' },                    // UTF-8-encoded surrogate
            Encoding.UTF8.GetBytes("\"" + new string('a', 10_000) + "\""),
            Encoding.UTF8.GetBytes("\"\""),
            Encoding.UTF8.GetBytes("null"),
            Encoding.UTF8.GetBytes("12"),
        };

        foreach (var input in inputs)
        {
            Assert.IsType<JsonException>(Record.Exception(() => JsonSerializer.Deserialize<EngagementSignalKind>(input)));
            Assert.IsType<JsonException>(Record.Exception(() => JsonSerializer.Deserialize<LeadSource>(input)));
        }

        // An escaped but valid name is read like the plain one.
        Assert.Equal(FunnelStage.Mql, JsonSerializer.Deserialize<FunnelStage>("\"\\u006dql\""));
    }

    [Fact]
    public void Json_PropertyNames_AreLookedUpNotRegistered()
    {
        var name = Fresh("key");
        var map = JsonSerializer.Deserialize<Dictionary<FunnelStage, int>>("{\"" + name + "\":1}")!;
        Assert.False(map.Keys.Single().IsRegistered);
        Assert.IsType<JsonException>(Record.Exception(() => JsonSerializer.Deserialize<Dictionary<FunnelStage, int>>("{\"Bad Key\":1}")));
    }

    [Fact]
    public void Registry_WhenFull_SkipsRegistrationAndTheIndexFindsTheNameInstead()
    {
        // A registry of its own (the types' registries are process-wide): full after three names.
        var registry = new ValueInterner(3);
        Assert.NotNull(registry.Register("a"));
        Assert.NotNull(registry.Register("b"));
        Assert.NotNull(registry.Register("c"));
        Assert.Null(registry.Register("d"));
        Assert.Same(registry.Register("a"), registry.Find("a"));
        Assert.Equal(-1, registry.Find("d").Ordinal);
        Assert.Equal(3, registry.Count);
    }

    [Fact]
    public void FullRegistry_RegisterSkipsWithoutThrowing_AndAnIndexFindsItsUnregisteredMembersByName()
    {
        // Fills the custom-field-key registry of this test process (no test here needs a key registered), as trusted
        // code that builds model after model with new names eventually would.
        var prefix = Fresh("fill") + "_";
        for (var i = 0; RegisteredCount<CustomFieldKey>() < ValueInterner.DefaultCapacity; i++)
        {
            Assert.True(CustomFieldKey.Register(new CustomFieldKey(prefix + i)).IsRegistered);
        }

        var name = Fresh("overflow");
        var skipped = CustomFieldKey.Register(new CustomFieldKey(name));
        Assert.False(skipped.IsRegistered);
        Assert.Equal(new CustomFieldKey(name), skipped);

        var members = new[] { new CustomFieldKey(name), new CustomFieldKey(prefix + "0"), new CustomFieldKey(Fresh("overflow")) };
        var index = new VocabularyIndex<CustomFieldKey>(members);
        Assert.False(index.AllRegistered);
        for (var i = 0; i < members.Length; i++)
        {
            Assert.Equal(i, index.IndexOf(new CustomFieldKey(members[i].Value!)));
        }

        Assert.Equal(-1, index.IndexOf(new CustomFieldKey(Fresh("stranger"))));
        Assert.Equal(-1, index.IndexOf(new CustomFieldKey(prefix + "1")));
        Assert.Equal(ValueInterner.DefaultCapacity, RegisteredCount<CustomFieldKey>());
    }

    [Fact]
    public void VocabularyIndex_FindsMembersCreatedBeforeAndAfterItWasBuilt()
    {
        var names = Enumerable.Range(0, 5).Select(i => Fresh("idx" + i)).ToArray();
        var early = names.Select(n => new LeadSource(n)).ToArray();

        var index = new VocabularyIndex<LeadSource>([.. early, early[0], LeadSource.Referral]);

        Assert.Equal(6, index.Count);
        Assert.True(index.AllRegistered);
        for (var i = 0; i < names.Length; i++)
        {
            Assert.Equal(i, index.IndexOf(early[i]));
            Assert.Equal(i, index.IndexOf(new LeadSource(names[i])));
        }

        Assert.Equal(5, index.IndexOf(LeadSource.Referral));
        Assert.Equal(-1, index.IndexOf(LeadSource.Blog));
        Assert.Equal(-1, index.IndexOf(new LeadSource(Fresh("other"))));
        Assert.Equal(-1, index.IndexOf(default));
        Assert.Throws<ArgumentException>(() => new VocabularyIndex<LeadSource>([default]));
    }


    private static int RegisteredCount<T>()
        => ((ValueInterner)typeof(T).GetField("Names", BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!).Count;

    public sealed record Operation(int Name, bool Register);

    public static class Arbitraries
    {
        public static Arbitrary<Operation> Operation() =>
            (from name in Gen.Choose(0, 3) from register in Gen.Elements(true, false) select new Operation(name, register)).ToArbitrary();

        public static Arbitrary<VocabularyTests.MachineName> MachineName() => VocabularyTests.Arbitraries.MachineName();
    }
}
