using LeadKit.Abstractions.Qualification;

namespace LeadKit.Learning.Backtesting;

/// <summary>How often the leads classified at one temperature converted.</summary>
public readonly record struct TemperatureBand
{
    /// <summary>Creates the result (LeadKit computes these; the properties can grow without breaking callers).</summary>
    /// <param name="temperature">The value of <see cref="Temperature"/>.</param>
    /// <param name="conversion">The value of <see cref="Conversion"/>.</param>
    internal TemperatureBand(Temperature temperature, ProportionInterval conversion)
    {
        Temperature = temperature;
        Conversion = conversion;
    }

    /// <summary>Gets the temperature the classifier gave at decision time.</summary>
    public Temperature Temperature { get; init; }

    /// <summary>Gets the converted leads out of the leads at that temperature, with the Wilson 95% interval.</summary>
    public ProportionInterval Conversion { get; init; }
}
