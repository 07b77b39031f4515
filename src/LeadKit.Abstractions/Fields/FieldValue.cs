using System.Runtime.InteropServices;

namespace LeadKit.Abstractions.Fields;

/// <summary>
/// A lead field's value as <see cref="LeadFields.Read"/> returns it, without allocating: its <see cref="Type"/> says
/// which of <see cref="Text"/>, <see cref="Number"/>, <see cref="Boolean"/> or <see cref="Named"/> holds it.
/// </summary>
/// <remarks><see cref="ToString"/> shows the type only: a value can be personal data.</remarks>
[StructLayout(LayoutKind.Auto)]
public readonly struct FieldValue
{
    private FieldValue(FieldType type, string? text, double number, bool boolean, int named)
    {
        Type = type;
        Text = text;
        Number = number;
        Boolean = boolean;
        Named = named;
    }

    /// <summary>Gets the value's type; <see cref="FieldType.None"/> when the lead does not have the fact.</summary>
    public FieldType Type { get; }

    /// <summary>Gets whether the lead does not have the fact.</summary>
    public bool IsMissing => Type == FieldType.None;

    /// <summary>Gets the text, for <see cref="FieldType.Text"/>; otherwise <see langword="null"/>.</summary>
    public string? Text { get; }

    /// <summary>Gets the number, for <see cref="FieldType.Number"/>; otherwise 0.</summary>
    public double Number { get; }

    /// <summary>Gets the boolean, for <see cref="FieldType.Boolean"/>; otherwise <see langword="false"/>.</summary>
    public bool Boolean { get; }

    /// <summary>Gets the enum's integer value, for <see cref="FieldType.Named"/> (see <see cref="LeadFields.NamedValues"/>); otherwise 0.</summary>
    public int Named { get; }

    /// <summary>Returns the value's type only (the value itself can be personal data).</summary>
    /// <returns>The type's name.</returns>
    public override string ToString() => Type.ToString();

    internal static FieldValue OfText(string? text) => text is null ? default : new(FieldType.Text, text, 0, false, 0);

    internal static FieldValue OfNumber(double number) => new(FieldType.Number, null, number, false, 0);

    internal static FieldValue OfBoolean(bool boolean) => new(FieldType.Boolean, null, 0, boolean, 0);

    internal static FieldValue OfNamed(int named) => new(FieldType.Named, null, 0, false, named);

    internal static FieldValue OfDate() => new(FieldType.Date, null, 0, false, 0);
}
