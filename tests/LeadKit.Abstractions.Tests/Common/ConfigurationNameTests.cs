using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadKit.Abstractions.Common;

namespace LeadKit.Abstractions.Tests.Common;

public sealed class ConfigurationNameTests
{
    [Theory]
    [InlineData("b2b")]
    [InlineData("Inbound EMEA (weekdays)")]
    [InlineData("Vendas — São Paulo")]
    [InlineData("团队 🚀")]
    public void Validate_PrintableName_ReturnsIt(string name)
        => Assert.Same(name, ConfigurationName.Validate(name, "name"));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("red\u001b[31m")]
    [InlineData("evil\u202Egnp.exe")]
    [InlineData("line\nbreak")]
    [InlineData("zero\u200Bwidth")]
    [InlineData("para\u2029graph")]
    public void Validate_HostileName_ThrowsWithoutEchoingIt(string name)
    {
        var ex = Assert.Throws<ArgumentException>(() => ConfigurationName.Validate(name, "name"));

        Assert.Equal("name", ex.ParamName);
        if (name.Trim().Length > 0)
        {
            Assert.DoesNotContain(name, ex.Message, StringComparison.Ordinal);
        }
    }

    // Built in code: attribute strings are stored as UTF-8, which turns a lone surrogate into U+FFFD.
    [Theory]
    [InlineData("lone", '\uD800', "")]
    [InlineData("", '\uDC00', "lone")]
    [InlineData("high then ", '\uD83D', "text")]
    public void Validate_UnpairedSurrogate_Throws(string before, char surrogate, string after)
    {
        var name = before + surrogate + after;
        Assert.True(char.IsSurrogate(name[before.Length]));

        Assert.Throws<ArgumentException>(() => ConfigurationName.Validate(name, "name"));
    }

    [Fact]
    public void Validate_TooLong_Throws()
        => Assert.Throws<ArgumentException>(() => ConfigurationName.Validate(new string('a', ConfigurationName.MaximumLength + 1), "name"));

    [Fact]
    public void Validate_Null_ThrowsArgumentNull()
        => Assert.Throws<ArgumentNullException>(() => ConfigurationName.Validate(null, "name"));

    [Property]
    public Property IsValid_AnyStringWithAControlOrFormatCharacter_IsFalse(NonEmptyString prefix, char hostile)
    {
        var category = System.Globalization.CharUnicodeInfo.GetUnicodeCategory(hostile);
        var isHostile = category is System.Globalization.UnicodeCategory.Control or System.Globalization.UnicodeCategory.Format;
        return (!ConfigurationName.IsValid(prefix.Get + hostile)).When(isHostile)
            .Classify(isHostile, "hostile character");
    }

    [Property]
    public bool IsValid_AgreesWithProblem(string? name)
        => ConfigurationName.IsValid(name) == (ConfigurationName.Problem(name) is null);
}
