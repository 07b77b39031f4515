using LeadKit.Metrics.Periods;
using LeadKit.Metrics.Reports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
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
    public void AddLeadKitMetrics_InvalidOptions_ValidationNamesTheOptionAndCode()
    {
        var services = new ServiceCollection().AddLeadKitMetrics(o => o.ResponseSla = TimeSpan.FromMinutes(-1));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<FunnelReportOptions>>().Value);

        Assert.Contains("FunnelReportOptions.ResponseSla: must not be negative [out-of-range]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddLeadKitMetrics_Named_KeyedCalculatorsWithTheirOwnOptions()
    {
        var services = new ServiceCollection()
            .AddLeadKitMetrics("weekly", o => o.PeriodUnit = PeriodUnit.IsoWeek)
            .AddLeadKitMetrics("yearly", o => o.PeriodUnit = PeriodUnit.Year)
            .AddLeadKitMetrics("weekly", o => o.ResponseSla = TimeSpan.FromHours(2));
        using var provider = services.BuildServiceProvider();

        var weekly = provider.GetRequiredKeyedService<FunnelReportCalculator>("weekly");
        Assert.Same(weekly, provider.GetRequiredKeyedService<FunnelReportCalculator>("weekly"));
        Assert.Equal(PeriodUnit.IsoWeek, weekly.Calculate([]).PeriodUnit);
        Assert.Equal(PeriodUnit.Year, provider.GetRequiredKeyedService<FunnelReportCalculator>("yearly").Calculate([]).PeriodUnit);
        Assert.Single(services, d => d.ServiceType == typeof(FunnelReportCalculator) && Equals(d.ServiceKey, "weekly"));
        Assert.Null(provider.GetService<FunnelReportCalculator>());
    }

    [Fact]
    public async Task AddLeadKitMetrics_NamedInvalidOptions_HostStartFailsNamingTheOption()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddLeadKitMetrics("broken", o => o.MaximumRetentionPeriods = 0);
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal("broken", error.OptionsName);
        Assert.Contains("FunnelReportOptions.MaximumRetentionPeriods", error.Message, StringComparison.Ordinal);
    }
}
