using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace LeadKit.Abstractions.Common;

/// <summary>Argument checks shared by the domain model; every message names the parameter and the value.</summary>
internal static class Guard
{
    public static string NotBlank([NotNull] string? value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (value is null)
        {
            throw new ArgumentNullException(name, $"{name} must not be null.");
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{name} must not be empty or white space (was '{value}').", name);
        }

        return value;
    }

    public static string? NullOrNotBlank(string? value, [CallerArgumentExpression(nameof(value))] string? name = null)
        => value is null ? null : NotBlank(value, name);

    public static DateTimeOffset NotDefault(DateTimeOffset value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (value == default)
        {
            throw new ArgumentException($"{name} must be set (was the default value {value:O}).", name);
        }

        return value;
    }

    public static int NonNegative(int value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (value < 0)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must not be negative (was {value}).");
        }

        return value;
    }

    public static int Positive(int value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (value <= 0)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be positive (was {value}).");
        }

        return value;
    }

    public static decimal NonNegative(decimal value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (value < 0m)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must not be negative (was {value}).");
        }

        return value;
    }

    public static double Finite(double value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number (was {value}).");
        }

        return value;
    }

    public static T Defined<T>(T value, [CallerArgumentExpression(nameof(value))] string? name = null)
        where T : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} has an undefined value ({value}).");
        }

        return value;
    }

    public static T NotDefaultValue<T>(T value, [CallerArgumentExpression(nameof(value))] string? name = null)
        where T : struct, IEquatable<T>
    {
        if (value.Equals(default))
        {
            throw new ArgumentException($"{name} must be set (was the default {typeof(T).Name}).", name);
        }

        return value;
    }
}
