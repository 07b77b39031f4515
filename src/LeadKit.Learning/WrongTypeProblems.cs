using System.Globalization;
using LeadKit.Abstractions.Leads;
using LeadKit.Learning.Backtesting;

namespace LeadKit.Learning;

/// <summary>
/// Collects the leads of one history whose value a feature cannot read as a category (a custom attribute holding a
/// number under a text feature). Without it the learners would see "(none)" for every such lead and fail later with a
/// misleading "constant feature" message. Names the entry, the attribute and the type found, never the value (it can
/// be personal data); lists the first few leads and counts the rest.
/// </summary>
internal sealed class WrongTypeProblems(LeadFeature feature, string parameterName)
{
    private const int MaximumListed = 5;

    private readonly List<string> _problems = [];
    private int _count;

    public void Add(Lead lead, int index)
    {
        if (_count++ < MaximumListed)
        {
            var type = feature.TypeFound(lead).ToString().ToLowerInvariant();
            var operators = type == "number" ? "AtLeast / AtMost / Between" : "IsTrue / IsFalse / Exists";
            _problems.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"{parameterName}[{index}]: the custom attribute '{feature.CustomKey.Value}' is a {type}, not text, so the feature '{feature.Name}' cannot read it; condition on it with LeadCondition.When(name, AttributeCondition.Custom(key, FieldOperator.{operators}, ...))."));
        }
    }

    public void CopyTo(List<string> problems)
    {
        problems.AddRange(_problems);
        if (_count > MaximumListed)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{_count - MaximumListed} more leads of {parameterName} have the same problem for the feature '{feature.Name}'."));
        }
    }

    public void ThrowIfAny()
    {
        var problems = new List<string>();
        CopyTo(problems);
        if (problems.Count > 0)
        {
            throw new InvalidHistoryException(problems, parameterName);
        }
    }
}
