using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace LeadKit.Abstractions.Common;

/// <summary>
/// Argument checks shared by the domain model. Every message names the parameter and the rule it broke, never the
/// text it was given: a rejected value can be a name, an e-mail address or any untrusted input. Numbers and enum
/// values, which cannot carry personal data, are still given (as <see cref="ArgumentOutOfRangeException.ActualValue"/>).
/// </summary>
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
            throw new ArgumentException($"{name} must not be empty or white space.", name);
        }

        return value;
    }

    public static string FreeText([NotNull] string? value, int maximumLength, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        NotBlank(value, name);
        if (value.Length > maximumLength)
        {
            throw new ArgumentException($"{name} must be at most {maximumLength} characters (had {value.Length}).", name);
        }

        return value;
    }

    public static string? NullOrFreeText(string? value, int maximumLength, [CallerArgumentExpression(nameof(value))] string? name = null)
        => value is null ? null : FreeText(value, maximumLength, name);

    /// <summary>The rule of <see cref="Slug"/> (industries, products), with a message that does not repeat the text.</summary>
    public static string MachineName([NotNull] string? value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        ArgumentNullException.ThrowIfNull(value, name);
        var valid = value.Length is > 0 and <= Slug.MaximumLength && (char.IsAsciiLetterLower(value[0]) || char.IsAsciiDigit(value[0]));
        foreach (var c in value)
        {
            valid &= char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '_' or '-' or '.';
        }

        return valid
            ? value
            : throw new ArgumentException($"{name} must be 1 to {Slug.MaximumLength} characters of a-z, 0-9, '_', '-' or '.', starting with a letter or digit.", name);
    }

    public static string? NullOrNotBlank(string? value, [CallerArgumentExpression(nameof(value))] string? name = null)
        => value is null ? null : NotBlank(value, name);

    public static DateTimeOffset NotDefault(DateTimeOffset value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (value == default)
        {
            throw new ArgumentException($"{name} must be set (was the default DateTimeOffset).", name);
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
