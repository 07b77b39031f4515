using Microsoft.Extensions.Options;

namespace LeadKit.EntityFrameworkCore.Outbox;

/// <summary>Fails start-up with every problem <see cref="LeadKitOutboxOptions.Validate"/> finds, each naming its option.</summary>
internal sealed class LeadKitOutboxOptionsValidator : IValidateOptions<LeadKitOutboxOptions>
{
    public ValidateOptionsResult Validate(string? name, LeadKitOutboxOptions options)
    {
        var problems = options.Validate();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
