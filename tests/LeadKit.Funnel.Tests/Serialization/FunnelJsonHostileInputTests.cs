using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadKit.Abstractions.Funnel;
using LeadKit.Abstractions.Identifiers;
using LeadKit.Funnel.Serialization;
using LeadKit.Funnel.State;
using static LeadKit.Funnel.Tests.Support.Funnels;

namespace LeadKit.Funnel.Tests.Serialization;

/// <summary>Hostile funnel-state JSON: every problem is a <see cref="JsonException"/> with a path, nothing else.</summary>
public sealed class FunnelJsonHostileInputTests
{
    private const string Valid = """{"leadId":"a","initialStage":"suspect","startedAt":"2026-06-01T12:00:00+00:00","stage":"lead","version":1,"enteredAt":"2026-06-01T13:00:00+00:00","history":[{"from":"suspect","to":"lead","trigger":"qualify","occurredAt":"2026-06-01T13:00:00+00:00","actor":"rep","reason":"why"}]}""";

    private static string ValidWith(string key, string value) => Valid.Replace($"\"{key}\":", $"\"{key}\":{value},\"{key}\":", StringComparison.Ordinal);

    [Theory]
    [InlineData("stage", "\"suspect\"", "$.stage")]
    [InlineData("leadId", "\"b\"", "$.leadId")]
    [InlineData("history", "[]", "$.history")]
    [InlineData("from", "\"lead\"", "$.history[0].from")]
    [InlineData("reason", "\"other\"", "$.history[0].reason")]
    public void DeserializeState_DuplicateKey_IsRefusedNamingThePath(string key, string firstValue, string path)
    {
        var json = ValidWith(key, firstValue);

        var error = Assert.Throws<JsonException>(() => FunnelJson.DeserializeState(json));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Throws<JsonException>(() => FunnelJson.DeserializeState(Encoding.UTF8.GetBytes(json)));
    }

    [Fact]
    public void DeserializeHistory_DuplicateKey_IsRefused()
    {
        var json = """[{"from":"suspect","to":"lead","to":"mql","trigger":"qualify","occurredAt":"2026-06-01T13:00:00+00:00"}]""";

        var error = Assert.Throws<JsonException>(() => FunnelJson.DeserializeHistory(json));

        Assert.Contains("$[0].to", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DeserializeState_NullHistoryEntry_IsRefusedNamingTheEntry()
    {
        var json = Valid.Replace("\"history\":[", "\"history\":[null,", StringComparison.Ordinal);

        var error = Assert.Throws<JsonException>(() => FunnelJson.DeserializeState(json));

        Assert.Contains("$.history[0]", error.Message, StringComparison.Ordinal);
        Assert.Contains("$[1]", Assert.Throws<JsonException>(() => FunnelJson.DeserializeHistory("""[{"from":"suspect","to":"lead","trigger":"qualify","occurredAt":"2026-06-01T13:00:00+00:00"},null]""")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DeserializeState_Utf8Bom_IsAcceptedInTextAndBytes()
    {
        var expected = FunnelJson.DeserializeState(Valid);

        Assert.Equal(expected, FunnelJson.DeserializeState("\uFEFF" + Valid));
        Assert.Equal(expected, FunnelJson.DeserializeState([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Valid)]));
        Assert.Single(FunnelJson.DeserializeHistory([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("""[{"from":"suspect","to":"lead","trigger":"qualify","occurredAt":"2026-06-01T13:00:00+00:00"}]""")]));
    }

    [Fact]
    public void DeserializeState_InvalidUtf8_IsAJsonExceptionWithAPosition()
    {
        var bytes = Encoding.UTF8.GetBytes(Valid.Replace("\"rep\"", "\"r#p\"", StringComparison.Ordinal));
        bytes[Array.IndexOf(bytes, (byte)'#')] = 0xC3;

        var error = Assert.Throws<JsonException>(() => FunnelJson.DeserializeState(bytes));

        Assert.Contains("UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("actor", "$.history[0].actor")]
    [InlineData("reason", "$.history[0].reason")]
    [InlineData("leadId", "$.leadId")]
    public void DeserializeState_LoneSurrogate_RawOrEscaped_IsAJsonExceptionNamingThePath(string key, string path)
    {
        // Built in code: a lone surrogate inside an attribute string would become U+FFFD.
        var raw = Valid.Replace($"\"{key}\":\"", $"\"{key}\":\"x{(char)0xD800}", StringComparison.Ordinal);
        var escaped = Valid.Replace($"\"{key}\":\"", $"\"{key}\":\"x\\uDC00", StringComparison.Ordinal);

        Assert.Throws<JsonException>(() => FunnelJson.DeserializeState(raw));
        var error = Assert.Throws<JsonException>(() => FunnelJson.DeserializeState(escaped));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DeserializeState_TooLongActor_IsRefusedNamingThePathNotTheValue()
    {
        var json = Valid.Replace("\"rep\"", $"\"{new string('x', FunnelJson.MaximumTextLength + 1)}\"", StringComparison.Ordinal);

        var error = Assert.Throws<JsonException>(() => FunnelJson.DeserializeState(json));

        Assert.Contains("$.history[0].actor", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("xxxx", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DeserializeState_DocumentOverTheSizeLimit_IsRefused()
    {
        var json = Valid + new string(' ', FunnelJson.MaximumDocumentBytes);

        Assert.Throws<JsonException>(() => FunnelJson.DeserializeState(json));
        Assert.Throws<JsonException>(() => FunnelJson.DeserializeState(Encoding.UTF8.GetBytes(json)));
    }

    [Fact]
    public void DeserializeState_Error_DoesNotEchoPersonalDataFromTheDocument()
    {
        var json = """{"leadId":"jane.doe@example.com","initialStage":"suspect","startedAt":"2026-06-01T12:00:00+00:00","stage":"mql","version":1,"enteredAt":"2026-06-01T13:00:00+00:00","history":[{"from":"suspect","to":"lead","trigger":"qualify","occurredAt":"2026-06-01T13:00:00+00:00","actor":"john@example.com"}]}""";

        var error = Assert.Throws<JsonException>(() => FunnelJson.DeserializeState(json));

        Assert.DoesNotContain("example.com", error.Message, StringComparison.Ordinal);
        Assert.Contains("$.stage", error.Message, StringComparison.Ordinal);
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 500)]
    public void DeserializeState_MutatedDocument_ThrowsOnlyJsonException(byte[] bytes)
    {
        AssertOnlyJsonException(() => FunnelJson.DeserializeState(bytes));
        AssertOnlyJsonException(() => FunnelJson.DeserializeHistory(bytes));
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 500)]
    public void DeserializeState_MutatedText_ThrowsOnlyJsonException(string text)
    {
        AssertOnlyJsonException(() => FunnelJson.DeserializeState(text));
        AssertOnlyJsonException(() => FunnelJson.DeserializeHistory(text));
    }

    [Fact]
    public void Serialize_StateWhoseActorIsLong_StillRoundTrips()
    {
        var state = Plain.Start(new LeadId("a"), T0);
        state = Plain.Fire(state, FunnelTrigger.Qualify, T0.AddHours(1), new TransitionDetails(Actor: new string('a', FunnelJson.MaximumTextLength))).State;

        Assert.Equal(state, FunnelJson.DeserializeState(FunnelJson.Serialize(state)));
    }

    private static void AssertOnlyJsonException(Action read)
    {
        try
        {
            read();
        }
        catch (JsonException)
        {
            // The documented error: anything else fails the property.
        }
    }

    /// <summary>Valid states and histories mutated with the hostile inputs the contract names.</summary>
    public static class Arbitraries
    {
        private static readonly string[] Seeds =
        [
            Valid,
            """[{"from":"suspect","to":"lead","trigger":"qualify","occurredAt":"2026-06-01T13:00:00+00:00","isOverride":true,"actor":"a","reason":"b"}]""",
        ];

        private static readonly string[] Insertions =
        [
            "null", "[null]", ",null", "\"stage\":\"lead\",", "\"from\":\"lead\",", "\"history\":[null],", "\\uD800", "\\uDFFF\\uD800", "{", "]", "\"", ":", "1e400",
            "-1", "\"version\":-5,", "true", "\"\"", "\"9999-12-31T23:59:59+00:00\"", "\"0001-01-01T00:00:00+14:00\"",
        ];

        public static Arbitrary<string> Texts()
        {
            var gen =
                from seed in Gen.Elements(Seeds)
                from position in Gen.Choose(0, seed.Length)
                from kind in Gen.Choose(0, 3)
                from insertion in Gen.Elements(Insertions)
                from surrogate in Gen.Choose(0xD800, 0xDFFF)
                select kind switch
                {
                    0 => seed.Insert(position, insertion),
                    1 => seed.Insert(position, ((char)surrogate).ToString()),
                    2 => "\uFEFF" + seed.Insert(position, insertion),
                    _ => seed.Remove(position, Math.Min(3, seed.Length - position)),
                };
            return gen.ToArbitrary();
        }

        public static Arbitrary<byte[]> Bytes()
        {
            var gen =
                from text in Texts().Generator
                from position in Gen.Choose(0, 400)
                from bad in Gen.Elements<byte>(0xC3, 0xFF, 0xFE, 0x80, 0xED, 0xF4, 0xC0)
                from corrupt in Gen.Elements(true, false)
                select Corrupt(text, position, bad, corrupt);
            return gen.ToArbitrary();
        }

        private static byte[] Corrupt(string text, int position, byte bad, bool corrupt)
        {
            // Lone surrogates in the text become U+FFFD here; the bytes path gets invalid UTF-8 instead.
            var bytes = Encoding.UTF8.GetBytes(text);
            if (corrupt && bytes.Length > 0)
            {
                bytes[position % bytes.Length] = bad;
            }

            return bytes;
        }
    }
}
