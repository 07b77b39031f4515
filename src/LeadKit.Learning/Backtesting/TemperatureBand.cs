using LeadKit.Abstractions.Qualification;

namespace LeadKit.Learning.Backtesting;

/// <summary>How often the leads classified at one temperature converted.</summary>
/// <param name="Temperature">The temperature the classifier gave at decision time.</param>
/// <param name="Conversion">Converted leads out of the leads at that temperature, with the Wilson 95% interval.</param>
public readonly record struct TemperatureBand(Temperature Temperature, ProportionInterval Conversion);
