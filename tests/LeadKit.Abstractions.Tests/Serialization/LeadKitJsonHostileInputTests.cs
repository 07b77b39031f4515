using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadKit.Abstractions.Serialization;

namespace LeadKit.Abstractions.Tests.Serialization;

/// <summary>
/// Hostile documents for every LeadKitJson type: repeated properties, null entries, a byte-order mark, invalid UTF-8,
/// lone surrogates and documents over the limits. The only exception is <see cref="JsonException"/>, with a path.
/// </summary>
public sealed class LeadKitJsonHostileInputTests
{
    private const string Lead = """
        {"id":"L1","createdAt":"2026-05-01T10:00:00+00:00","source":"referral",
         "contact":{"email":"ana@example.com","jobTitle":"Head of Sales","seniority":"director"},
         "company":{"employeeCount":120,"country":"BR"},
         "timeframe":{"kind":"withinDays","days":60},
         "signals":[{"kind":"demo_requested","occurredAt":"2026-05-02T10:00:00+00:00"}],
         "customFields":[{"key":"plan","value":{"text":"pro"}}]}
        """;

    private const string Deal = """{"id":"D1","value":{"amount":10,"currency":"EUR"},"openedAt":"2026-05-10T00:00:00+00:00","status":"won","closedAt":"2026-05-11T00:00:00+00:00","leadId":"L1","lostReason":null}""";

    private const string Change = """{"from":"lead","to":"mql","trigger":"score_reached","occurredAt":"2026-05-02T10:00:00+00:00","actor":"system"}""";

    private const string Rep = """{"id":"ana","name":"Ana","countries":["BR","DE"],"regions":["SP"],"industries":["software"],"languages":["pt"],"products":["crm"],"weight":2}""";

    public static TheoryData<string> Kinds() => ["lead", "deal", "change", "rep"];

    private static string Valid(string kind) => kind switch
    {
        "lead" => Lead,
        "deal" => Deal,
        "change" => Change,
        _ => Rep,
    };

    private static object Read(string kind, string json) => kind switch
    {
        "lead" => LeadKitJson.DeserializeLead(json),
        "deal" => LeadKitJson.DeserializeDeal(json),
        "change" => LeadKitJson.DeserializeStageChange(json),
        _ => LeadKitJson.DeserializeSalesRep(json),
    };

    private static object Read(string kind, byte[] utf8) => kind switch
    {
        "lead" => LeadKitJson.DeserializeLead(utf8),
        "deal" => LeadKitJson.DeserializeDeal(utf8),
        "change" => LeadKitJson.DeserializeStageChange(utf8),
        _ => LeadKitJson.DeserializeSalesRep(utf8),
    };

    private static object Read(string kind, Stream utf8, LeadKitJsonLimits limits) => kind switch
    {
        "lead" => LeadKitJson.DeserializeLead(utf8, limits),
        "deal" => LeadKitJson.DeserializeDeal(utf8, limits),
        "change" => LeadKitJson.DeserializeStageChange(utf8, limits),
        _ => LeadKitJson.DeserializeSalesRep(utf8, limits),
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void ValidDocument_IsReadFromTextBytesAndStream(string kind)
    {
        var bytes = Encoding.UTF8.GetBytes(Valid(kind));

        Assert.NotNull(Read(kind, Valid(kind)));
        Assert.NotNull(Read(kind, bytes));
        Assert.NotNull(Read(kind, new MemoryStream(bytes), LeadKitJsonLimits.Default));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void ByteOrderMark_IsAcceptedInTextBytesAndStream(string kind)
    {
        var withBom = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Valid(kind))).ToArray();

        Assert.NotNull(Read(kind, "\uFEFF" + Valid(kind)));
        Assert.NotNull(Read(kind, withBom));
        Assert.NotNull(Read(kind, new MemoryStream(withBom), LeadKitJsonLimits.Default));
    }

    [Theory]
    [InlineData("lead", "\"id\":\"L1\",", "$.id")]
    [InlineData("lead", "\"email\":\"ana@example.com\",", "$.contact.email")]
    [InlineData("lead", "\"days\":60", "$.timeframe.days")]
    [InlineData("lead", "\"text\":\"pro\"", "$.customFields[0].value.text")]
    [InlineData("deal", "\"status\":\"won\",", "$.status")]
    [InlineData("deal", "\"amount\":10,", "$.value.amount")]
    [InlineData("change", "\"to\":\"mql\",", "$.to")]
    [InlineData("rep", "\"name\":\"Ana\",", "$.name")]
    public void RepeatedProperty_IsRefusedWithItsPath(string kind, string property, string path)
    {
        var json = Valid(kind).Replace(property, property + (property.EndsWith(',') ? property : "," + property), StringComparison.Ordinal);
        Assert.NotEqual(Valid(kind), json);

        var error = Assert.Throws<JsonException>(() => Read(kind, json));

        Assert.Equal(path, error.Path);
        Assert.StartsWith(path + ": has a property that occurs more than once", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RepeatedProperty_WrittenWithAnEscape_IsTheSameNameAndRefused()
    {
        // "\u0069d" is "id": duplicates are found on the unescaped names, not on the bytes as written.
        var json = Lead.Replace("\"id\":\"L1\",", "\"id\":\"L1\",\"\\u0069d\":\"L2\",", StringComparison.Ordinal);
        Assert.NotEqual(Lead, json);

        var error = Assert.Throws<JsonException>(() => LeadKitJson.DeserializeLead(json));

        Assert.StartsWith("$.id: has a property that occurs more than once", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(40)]
    public void RepeatedProperty_InAnObjectWithManyProperties_IsRefusedAtThatProperty(int before)
    {
        // Small objects compare each name with the ones before it, large ones use a set: both must find the repeat.
        var properties = string.Join(",", Enumerable.Range(0, before).Select(i => $"\"p{i}\":{i}"));
        var json = $"{{\"nested\":{{{properties},\"p{before / 2}\":0}}}}";

        var error = Assert.Throws<JsonException>(() => LeadKitJson.DeserializeLead(json));

        Assert.Equal($"$.nested.p{before / 2}", error.Path);
        Assert.Contains("occurs more than once", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("lead", "\"signals\":[", "$.signals[0]")]
    [InlineData("lead", "\"customFields\":[", "$.customFields[0]")]
    [InlineData("rep", "\"countries\":[", "$.countries[0]")]
    [InlineData("rep", "\"regions\":[", "$.regions[0]")]
    [InlineData("rep", "\"industries\":[", "$.industries[0]")]
    [InlineData("rep", "\"languages\":[", "$.languages[0]")]
    [InlineData("rep", "\"products\":[", "$.products[0]")]
    public void NullArrayEntry_IsAJsonExceptionWithThePathOfTheEntry(string kind, string array, string path)
    {
        var json = Valid(kind).Replace(array, array + "null,", StringComparison.Ordinal);

        var error = Assert.Throws<JsonException>(() => Read(kind, json));

        Assert.Equal(path, error.Path);
        Assert.StartsWith(path + ": is null; arrays hold no null entries", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void InvalidUtf8_IsAJsonExceptionWithThePath(string kind)
    {
        var bytes = Encoding.UTF8.GetBytes(Valid(kind));
        var quote = Array.IndexOf(bytes, (byte)'"', Array.IndexOf(bytes, (byte)':') + 1);
        var broken = bytes[..(quote + 1)].Concat(new byte[] { 0xC3, 0x28 }).Concat(bytes[(quote + 1)..]).ToArray();

        var error = Assert.Throws<JsonException>(() => Read(kind, broken));

        Assert.NotNull(error.Path);
        Assert.StartsWith(error.Path + ": has a string that is not valid UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void EscapedLoneSurrogate_IsAJsonExceptionWithThePath(string kind)
    {
        var json = Valid(kind);
        var quote = json.IndexOf('"', json.IndexOf(':', StringComparison.Ordinal) + 1);
        var broken = json.Insert(quote + 1, "\\ud800");

        var error = Assert.Throws<JsonException>(() => Read(kind, broken));

        Assert.StartsWith(error.Path + ": has a string with an invalid escape", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void LoneSurrogateInText_IsAJsonExceptionWithItsPosition(string kind)
    {
        var json = Valid(kind);
        var quote = json.IndexOf('"', json.IndexOf(':', StringComparison.Ordinal) + 1);
        var broken = json.Insert(quote + 1, new string((char)0xDC00, 1));

        var error = Assert.Throws<JsonException>(() => Read(kind, broken));

        Assert.Equal("$", error.Path);
        Assert.Contains("lone UTF-16 surrogate at line 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Document_OverMaximumBytes_IsRefusedBeforeItIsRead()
    {
        var limits = new LeadKitJsonLimits { MaximumBytes = 100 };
        var stream = new CountingStream(Encoding.UTF8.GetBytes(Lead + new string(' ', 10_000_000)));

        var error = Assert.Throws<JsonException>(() => LeadKitJson.DeserializeLead(stream, limits));

        Assert.Equal("$", error.Path);
        Assert.Contains("at most 100 are accepted (LeadKitJsonLimits.MaximumBytes)", error.Message, StringComparison.Ordinal);
        Assert.True(stream.Position < 70_000, $"read {stream.Position} bytes");
        Assert.Throws<JsonException>(() => LeadKitJson.DeserializeLead(Lead + new string(' ', LeadKitJsonLimits.DefaultMaximumBytes)));
    }

    [Fact]
    public void TenMegabyteJobTitle_IsRefusedWithThePathAndWithoutBuildingTheString()
    {
        var json = Lead.Replace("Head of Sales", new string('x', 10_000_000), StringComparison.Ordinal);
        var utf8 = Encoding.UTF8.GetBytes(json);
        var limits = new LeadKitJsonLimits { MaximumBytes = 20_000_000 };

        var before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<JsonException>(() => LeadKitJson.DeserializeLead(utf8, limits));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal("$.contact.jobTitle", error.Path);
        Assert.Contains("at most 8192 are accepted (LeadKitJsonLimits.MaximumStringBytes)", error.Message, StringComparison.Ordinal);
        // A .NET string of the title alone would be 20 MB.
        Assert.True(allocated < 1_000_000, $"allocated {allocated:N0} bytes");
        Assert.Equal("$.contact.jobTitle", Assert.Throws<JsonException>(() => LeadKitJson.DeserializeLead(json, limits)).Path);
    }

    [Fact]
    public void JobTitle_LongerThanTheDomainLimit_IsRefusedNamingJobTitle()
    {
        var json = Lead.Replace("Head of Sales", new string('x', 300), StringComparison.Ordinal);

        var error = Assert.Throws<JsonException>(() => LeadKitJson.DeserializeLead(json));

        Assert.Contains("JobTitle must be at most 256 characters (had 300)", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(3, true)]
    [InlineData(4, false)]
    public void Depth_OverMaximumDepth_IsRefusedWithThePath(int depth, bool refused)
    {
        var limits = new LeadKitJsonLimits { MaximumDepth = depth };

        if (refused)
        {
            var error = Assert.Throws<JsonException>(() => LeadKitJson.DeserializeLead(Lead, limits));
            Assert.StartsWith("$.", error.Path, StringComparison.Ordinal);
        }
        else
        {
            Assert.NotNull(LeadKitJson.DeserializeLead(Lead, limits));
        }
    }

    [Fact]
    public void Limits_OutOfRange_AreRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LeadKitJsonLimits { MaximumBytes = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new LeadKitJsonLimits { MaximumDepth = LeadKitJsonLimits.MaximumDepthLimit + 1 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new LeadKitJsonLimits { MaximumStringBytes = 0 });
    }

    /// <summary>A valid document of one kind with one hostile edit.</summary>
    public sealed record HostileJson(string Kind, byte[] Utf8)
    {
        public override string ToString() => $"{Kind}: {Convert.ToHexString(Utf8)}";
    }

    public static class Arbitraries
    {
        private static readonly byte[][] Insertions =
        [
            "null"u8.ToArray(), "null,"u8.ToArray(), "[null]"u8.ToArray(), "\"id\":\"x\","u8.ToArray(), "\"\\ud800\""u8.ToArray(),
            "\\udc00"u8.ToArray(), [0xC3, 0x28], [0xFF], [0xED, 0xA0, 0x80], [0xEF, 0xBB, 0xBF], "{"u8.ToArray(), "]"u8.ToArray(),
            "\"kind\":\"immediate\","u8.ToArray(), "1e999"u8.ToArray(), "-0"u8.ToArray(), "\"\\u0000\""u8.ToArray(), ","u8.ToArray(),
        ];

        public static Arbitrary<HostileJson> HostileJson() =>
            (from kind in Gen.Elements("lead", "deal", "change", "rep")
             let valid = Encoding.UTF8.GetBytes(Valid(kind))
             from at in Gen.Choose(0, valid.Length)
             from insertion in Gen.Elements(Insertions)
             from removeLength in Gen.Choose(0, 3)
             from bom in Gen.Elements(true, false)
             let removed = Math.Min(removeLength, valid.Length - at)
             let edited = valid[..at].Concat(insertion).Concat(valid[(at + removed)..])
             select new HostileJson(kind, (bom ? Encoding.UTF8.GetPreamble().Concat(edited) : edited).ToArray())).ToArbitrary();
    }

    [Property(MaxTest = 2000, Arbitrary = [typeof(Arbitraries)])]
    public void EveryType_HostileBytes_OnlyEverThrowJsonException(HostileJson input)
    {
        // Read as bytes and as text: both must either succeed or throw JsonException, nothing else.
        try
        {
            Read(input.Kind, input.Utf8);
        }
        catch (JsonException)
        {
            // The documented failure.
        }

        var text = Encoding.UTF8.GetString(input.Utf8);
        foreach (var variant in new[] { text, text.Insert(input.Utf8.Length % (text.Length + 1), new string((char)0xD800, 1)) })
        {
            try
            {
                Read(input.Kind, variant);
            }
            catch (JsonException)
            {
                // The documented failure.
            }
        }
    }

    private sealed class CountingStream(byte[] data) : MemoryStream(data);
}
