using System.Runtime.CompilerServices;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadKit.Abstractions.Engagement;

namespace LeadKit.Abstractions.Tests.Engagement;

public sealed class EngagementSignalTests
{
    [Fact]
    public void Signal_TakesThirtyTwoBytes()
        => Assert.Equal(32, Unsafe.SizeOf<EngagementSignal>()); // the kind is one reference to its name (issue 17 D1)

    [Property(Arbitrary = [typeof(Arbitraries)])]
    public bool Signal_AnyValidInput_GivesBackKindInstantOffsetAndValue(SignalInput input)
    {
        var signal = new EngagementSignal(input.Kind, input.At, input.Value);
        return signal.Kind == input.Kind
            && signal.Kind.Value == input.Kind.Value
            && signal.OccurredAt == input.At
            && signal.OccurredAt.Offset == input.At.Offset
            && signal.OccurredAt.Ticks == input.At.Ticks
            && signal.OccurredAtUtcTicks == input.At.UtcTicks
            && signal.Value == input.Value;
    }

    [Theory]
    [InlineData(14 * 60)]
    [InlineData(-14 * 60)]
    [InlineData(5 * 60 + 45)]
    public void Signal_ExtremeInstantsAndOffsets_AreKeptExactly(int offsetMinutes)
    {
        var offset = TimeSpan.FromMinutes(offsetMinutes);
        var earliest = new DateTimeOffset(Math.Max(0, offset.Ticks) + 1, offset);
        var latest = new DateTimeOffset(DateTime.MaxValue.Ticks + Math.Min(0, offset.Ticks), offset);

        foreach (var at in new[] { earliest, latest })
        {
            var signal = new EngagementSignal(EngagementSignalKind.PageView, at);
            Assert.Equal(at.Ticks, signal.OccurredAt.Ticks);
            Assert.Equal(offset, signal.OccurredAt.Offset);
        }
    }

    [Fact]
    public void Signal_MissingValueAndZero_AreDifferent()
    {
        var at = new DateTimeOffset(2026, 5, 2, 10, 0, 0, TimeSpan.Zero);
        var none = new EngagementSignal(EngagementSignalKind.PageView, at);
        var zero = new EngagementSignal(EngagementSignalKind.PageView, at, 0);

        Assert.Null(none.Value);
        Assert.Equal(0, zero.Value);
        Assert.NotEqual(none, zero);
    }

    [Fact]
    public void Signal_SameInstantInAnotherOffset_IsEqualWithTheSameHash()
    {
        var utc = new EngagementSignal(EngagementSignalKind.DemoRequested, new DateTimeOffset(2026, 5, 2, 13, 0, 0, TimeSpan.Zero), 2);
        var saoPaulo = new EngagementSignal(EngagementSignalKind.DemoRequested, new DateTimeOffset(2026, 5, 2, 10, 0, 0, TimeSpan.FromHours(-3)), 2);

        Assert.Equal(utc, saoPaulo);
        Assert.Equal(utc.GetHashCode(), saoPaulo.GetHashCode());
        Assert.Equal(TimeSpan.FromHours(-3), saoPaulo.OccurredAt.Offset);
    }

    [Fact]
    public void Signal_DifferentKindInstantOrValue_IsNotEqual()
    {
        var at = new DateTimeOffset(2026, 5, 2, 10, 0, 0, TimeSpan.Zero);
        var signal = new EngagementSignal(EngagementSignalKind.PageView, at, 1);

        Assert.NotEqual(signal, new EngagementSignal(EngagementSignalKind.PricingPageView, at, 1));
        Assert.NotEqual(signal, new EngagementSignal(EngagementSignalKind.PageView, at.AddTicks(1), 1));
        Assert.NotEqual(signal, new EngagementSignal(EngagementSignalKind.PageView, at, 2));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Signal_NonFiniteValue_ThrowsNamingValue(double value)
        => Assert.Equal("value", Assert.Throws<ArgumentOutOfRangeException>(() => new EngagementSignal(EngagementSignalKind.PageView, DateTimeOffset.UnixEpoch, value)).ParamName);

    public sealed record SignalInput(EngagementSignalKind Kind, DateTimeOffset At, double? Value);

    public static class Arbitraries
    {
        public static Arbitrary<SignalInput> SignalInput() =>
            (from kind in DomainGenerators.Slug.Select(s => new EngagementSignalKind(s))
             from minutes in Gen.Choose(-60 * 24 * 365 * 30, 60 * 24 * 365 * 30)
             from offsetMinutes in Gen.Choose(-14 * 60, 14 * 60)
             from hasValue in Gen.Elements(true, false)
             from value in Gen.Choose(-100_000, 100_000)
             select new SignalInput(
                 kind,
                 new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(minutes).ToOffset(TimeSpan.FromMinutes(offsetMinutes)),
                 hasValue ? value / 16.0 : null))
            .ToArbitrary();
    }
}
