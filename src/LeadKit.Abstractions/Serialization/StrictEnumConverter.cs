using System.Text.Json;
using System.Text.Json.Serialization;

namespace LeadKit.Abstractions.Serialization;

/// <summary>Writes enums by name and refuses numbers and unknown names with a <see cref="JsonException"/>.</summary>
/// <typeparam name="TEnum">The enum type.</typeparam>
internal sealed class StrictEnumConverter<TEnum> : JsonStringEnumConverter<TEnum>
    where TEnum : struct, Enum
{
    public StrictEnumConverter()
        : base(namingPolicy: null, allowIntegerValues: false)
    {
    }
}
