using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.Json;
using LeadKit.Abstractions.Configuration;
using LeadKit.Abstractions.Fields;
using LeadKit.Abstractions.Scoring;
using LeadKit.Scoring.Kernel;

namespace LeadKit.Scoring.Rules;

/// <summary>The <c>emailDomain</c> rule kind: business versus free-mail e-mail domains (<see cref="EmailDomainRule"/>).</summary>
internal sealed class EmailDomainRuleKind() : ScoringRuleKind<EmailDomainRule>("emailDomain")
{
    private const int MaximumDomainLength = 253;

    public override ImmutableArray<ScoringKindProperty> Properties { get; } =
    [
        new("businessPoints", RuleChecks.PointsSchema, required: true),
        new("freeMailPoints", RuleChecks.PointsSchema, required: true),
        new("freeMailDomains", """{ "type": "array", "items": { "type": "string", "minLength": 1, "maxLength": 253 } }"""),
    ];

    protected override EmailDomainRule? Read(ConfigurationElement rule, string name, ScoreDimension dimension)
    {
        var business = RuleChecks.ReadNumber(rule, "businessPoints");
        var freeMail = RuleChecks.ReadNumber(rule, "freeMailPoints");
        var domains = FreeMailDomains.Default;
        var valid = true;
        if (rule.TryGetProperty("freeMailDomains", out var list))
        {
            var names = new List<string>();
            foreach (var item in list.GetArray())
            {
                if (item.GetString(MaximumDomainLength) is { } domain)
                {
                    names.Add(domain.ToLowerInvariant());
                }
                else
                {
                    valid = false;
                }
            }

            domains = names.ToFrozenSet(StringComparer.Ordinal);
        }

        return business is { } b && freeMail is { } f && valid
            ? new EmailDomainRule(name, b, f) { Dimension = dimension, FreeMail = domains }
            : null;
    }

    protected override void Write(Utf8JsonWriter json, EmailDomainRule rule)
    {
        json.WriteNumber("businessPoints", rule.BusinessPoints);
        json.WriteNumber("freeMailPoints", rule.FreeMailPoints);
        if (!ReferenceEquals(rule.FreeMail, FreeMailDomains.Default))
        {
            json.WriteStartArray("freeMailDomains");
            foreach (var domain in rule.FreeMail.Order(StringComparer.Ordinal))
            {
                json.WriteStringValue(domain);
            }

            json.WriteEndArray();
        }
    }

    protected override void Validate(EmailDomainRule rule, string path, ICollection<ConfigurationProblem> problems)
    {
        RuleChecks.Points(rule.BusinessPoints, path + ".businessPoints", problems);
        RuleChecks.Points(rule.FreeMailPoints, path + ".freeMailPoints", problems);
        if (rule.FreeMail is null)
        {
            problems.Add(new(path + ".freeMailDomains", ConfigurationProblemCodes.Required, "must not be null"));
        }
    }

    internal override void Plan(EmailDomainRule rule, int slot, RulePlanning planning) => planning.AddEmailDomain(slot, rule);
}
