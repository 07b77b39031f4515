using System.Globalization;
using LeadKit.Abstractions.Funnel;

namespace LeadKit.Funnel.Definitions;

/// <summary>
/// The paths of a funnel definition's parts in its JSON form, used for every <c>ConfigurationProblem</c> (from the
/// builder or the JSON reader alike). A name that is not plain (ASCII letters, digits, <c>_</c>, <c>-</c>) is written
/// <c>[?]</c>, as everywhere in LeadKit, so a path never echoes arbitrary input.
/// </summary>
internal static class FunnelDefinitionPaths
{
    public const string InitialStage = "$.initialStage";
    public const string Stages = "$.stages";
    public const string OverrideAuthorizer = "$.overrideAuthorizer";

    public static string MainPath(int index) => string.Create(CultureInfo.InvariantCulture, $"$.mainPath[{index}]");

    public static string Stage(FunnelStage stage) => Stages + Segment(stage.Value ?? string.Empty);

    public static string Transition(FunnelStage stage, FunnelTrigger trigger) => Stage(stage) + ".transitions" + Segment(trigger.Value ?? string.Empty);

    public static string Guard(string transition, int index) => string.Create(CultureInfo.InvariantCulture, $"{transition}.guards[{index}]");

    public static string Segment(string name)
    {
        if (name.Length is 0 or > 64)
        {
            return "[?]";
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('_' or '-'))
            {
                return "[?]";
            }
        }

        return "." + name;
    }
}
