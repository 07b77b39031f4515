using LeadKit.Metrics.Reports;
using Microsoft.Extensions.Options;

namespace LeadKit.Metrics.DependencyInjection;

/// <summary>Validates <see cref="FunnelReportOptions"/> for the options system (reports every problem at once).</summary>
internal sealed class FunnelReportOptionsValidator : IValidateOptions<FunnelReportOptions>
{
    public ValidateOptionsResult Validate(string? name, FunnelReportOptions options)
    {
        var problems = options.Validate();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
