using LeadKit.Metrics.Reports;
using Microsoft.Extensions.Options;

namespace LeadKit.Metrics.DependencyInjection;

/// <summary>Validates every named <see cref="FunnelReportOptions"/> for the options system (all problems at once, one line each: path, rule, code).</summary>
internal sealed class FunnelReportOptionsValidator : IValidateOptions<FunnelReportOptions>
{
    public ValidateOptionsResult Validate(string? name, FunnelReportOptions options)
    {
        var problems = options.Validate();
        if (problems.Count == 0)
        {
            return ValidateOptionsResult.Success;
        }

        var lines = new string[problems.Count];
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = problems[i].ToString();
        }

        return ValidateOptionsResult.Fail(lines);
    }
}
