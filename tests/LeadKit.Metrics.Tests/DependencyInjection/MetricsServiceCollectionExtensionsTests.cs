using LeadKit.Metrics.DependencyInjection;
using LeadKit.Metrics.Periods;
using LeadKit.Metrics.Reports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LeadKit.Metrics.Tests.DependencyInjection;

public sealed class MetricsServiceCollectionExtensionsTests
{
    [Fact]
    public void AddLeadKitMetrics_CalledTwice_RegistersOneCalculatorUsingTheOptions()
    {
        var services = new ServiceCollection();

        services.AddLeadKitMetrics(o => o.PeriodUnit = PeriodUnit.Quarter).AddLeadKitMetrics();
        using var provider = services.BuildServiceProvider();

        Assert.Single(services, d => d.ServiceType == typeof(FunnelReportCalculator));
        Assert.Single(services, d => d.ServiceType == typeof(IValidateOptions<FunnelReportOptions>));
        var calculator = provider.GetRequiredService<FunnelReportCalculator>();
        Assert.Same(calculator, provider.GetRequiredService<FunnelReportCalculator>());
        Assert.Equal(PeriodUnit.Quarter, calculator.Calculate([]).PeriodUnit);
    }

    [Fact]
    public void AddLeadKitMetrics_InvalidOptions_ValidationNamesTheOption()
    {
        var services = new ServiceCollection().AddLeadKitMetrics(o => o.ResponseSla = TimeSpan.FromMinutes(-1));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<FunnelReportOptions>>().Value);

        Assert.Contains("ResponseSla", error.Message, StringComparison.Ordinal);
    }
}
