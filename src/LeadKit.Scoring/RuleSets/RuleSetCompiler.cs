using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using LeadKit.Abstractions.Engagement;
using LeadKit.Abstractions.Fields;
using LeadKit.Abstractions.Leads;
using LeadKit.Abstractions.Scoring;
using LeadKit.Abstractions.Sources;
using LeadKit.Scoring.Decay;
using LeadKit.Scoring.Model;
using LeadKit.Scoring.Qualification;
using LeadKit.Scoring.Rules;
using LeadKit.Scoring.RuleSets.Documents;

namespace LeadKit.Scoring.RuleSets;

/// <summary>
/// Turns a rule set document into a builder, collecting every problem with its JSON path. A rule that cannot be
/// created is replaced by a placeholder so the builder's own problems keep the document's rule indexes.
/// </summary>
internal static class RuleSetCompiler
{
    public static ScoringModel? Compile(RuleSetDocument document, TimeProvider? timeProvider, List<ScoringProblem> problems)
    {
        RuleSetKeywords.Normalize(document);
        var builder = new ScoringModelBuilder();
        if (timeProvider is not null)
        {
            builder.WithTimeProvider(timeProvider);
        }

        if (document.Name is not null)
        {
            builder.WithName(document.Name);
        }

        if (document.Rules is null)
        {
            problems.Add(new("$.rules", "is required"));
        }
        else if (document.Rules.Count > ScoringRuleSet.MaximumRules)
        {
            problems.Add(new("$.rules", Invariant($"must hold at most {ScoringRuleSet.MaximumRules} rules (had {document.Rules.Count})")));
            return null;
        }

        if (document.Groups is { Count: > ScoringModelBuilder.MaximumGroups })
        {
            problems.Add(new("$.groups", Invariant($"must hold at most {ScoringModelBuilder.MaximumGroups} groups (had {document.Groups.Count})")));
            return null;
        }

        if (document.Limits is { } limits)
        {
            builder.WithLimits(ScoreDimension.Fit, ToLimits(limits.Fit));
            builder.WithLimits(ScoreDimension.Engagement, ToLimits(limits.Engagement));
            builder.WithTotalLimits(ToLimits(limits.Total));
        }

        for (var g = 0; g < (document.Groups?.Count ?? 0); g++)
        {
            var path = Invariant($"$.groups[{g}]");
            var group = document.Groups![g];
            if (group is null)
            {
                problems.Add(new(path, "must be an object"));
                continue;
            }

            var dimension = ParseDimension(group.Dimension, path + ".dimension", problems, required: true);
            builder.AddGroup(new ScoringGroup(group.Name!, dimension)
            {
                Limits = new ScoreLimits(group.Floor, group.Cap),
                Decay = ToDecay(group.Decay, path + ".decay", problems),
            });
        }

        for (var r = 0; r < (document.Rules?.Count ?? 0); r++)
        {
            var path = Invariant($"$.rules[{r}]");
            var rule = document.Rules![r];
            if (rule is null)
            {
                problems.Add(new(path, "must be an object"));
                builder.AddRule(new PlaceholderRule(Invariant($"#{r}"), ScoreDimension.Fit));
                continue;
            }

            builder.AddRule(ToRule(rule, path, problems), rule.Group);
        }

        try
        {
            var model = builder.Build();
            return problems.Count == 0 ? model : null;
        }
        catch (ScoringConfigurationException ex)
        {
            foreach (var problem in ex.Problems)
            {
                problems.Add(new("$." + problem.Path, problem.Message));
            }

            return null;
        }
    }

    /// <summary>Reads the optional <c>thresholds</c> object, reporting every invalid value with its JSON path.</summary>
    public static RuleSetThresholds CompileThresholds(ThresholdsDocument? document, List<ScoringProblem> problems)
    {
        if (document is null)
        {
            return RuleSetThresholds.None;
        }

        MqlRule? rule = null;
        if (document.Mql?.Rule is { } ruleName)
        {
            rule = ruleName switch { "fitAndEngagement" => MqlRule.FitAndEngagement, "total" => MqlRule.Total, _ => null };
            if (rule is null)
            {
                problems.Add(new("$.thresholds.mql.rule", "must be 'fitAndEngagement' or 'total'"));
            }
        }

        const string Mql = "$.thresholds.mql.";
        const string Temperature = "$.thresholds.temperature.";
        Finite(document.Mql?.Fit, Mql + "fit", problems);
        Finite(document.Mql?.Engagement, Mql + "engagement", problems);
        Finite(document.Mql?.Total, Mql + "total", problems);

        var t = document.Temperature;
        if (t?.HotWithinDays is < 0)
        {
            problems.Add(new(Temperature + "hotWithinDays", Invariant($"must be 0 or more (was {t.HotWithinDays})")));
        }

        if (t?.WarmWithinDays is { } warmDays && t.HotWithinDays is { } hotDays && warmDays < hotDays)
        {
            problems.Add(new(Temperature + "warmWithinDays", Invariant($"must be at least hotWithinDays ({hotDays}) (was {warmDays})")));
        }
        else if (t?.WarmWithinDays is < 0)
        {
            problems.Add(new(Temperature + "warmWithinDays", Invariant($"must be 0 or more (was {t.WarmWithinDays})")));
        }

        Finite(t?.WarmEngagement, Temperature + "warmEngagement", problems);
        Finite(t?.HotEngagement, Temperature + "hotEngagement", problems);
        if (t?.WarmEngagement is { } warm && t.HotEngagement is { } hot && hot < warm)
        {
            problems.Add(new(Temperature + "hotEngagement", Invariant($"must be at least warmEngagement ({warm}) (was {hot})")));
        }

        if (t?.Hysteresis is { } hysteresis && (!double.IsFinite(hysteresis) || hysteresis < 0))
        {
            problems.Add(new(Temperature + "hysteresis", Invariant($"must be a finite number, 0 or more (was {hysteresis})")));
        }

        return new RuleSetThresholds
        {
            MqlRule = rule,
            MqlFit = document.Mql?.Fit,
            MqlEngagement = document.Mql?.Engagement,
            MqlTotal = document.Mql?.Total,
            HotWithinDays = t?.HotWithinDays,
            WarmWithinDays = t?.WarmWithinDays,
            WarmEngagement = t?.WarmEngagement,
            HotEngagement = t?.HotEngagement,
            Hysteresis = t?.Hysteresis,
        };
    }

    private static void Finite(double? value, string path, List<ScoringProblem> problems)
    {
        if (value is { } v && !double.IsFinite(v))
        {
            problems.Add(new(path, "must be a finite number"));
        }
    }

    private static IScoringRule ToRule(RuleDocument rule, string path, List<ScoringProblem> problems)
    {
        var name = rule.Name!;
        var before = problems.Count;
        IScoringRule? result = null;
        switch (rule.Type)
        {
            case "attribute":
                Forbid(rule, path, problems, "attribute", signals: true, sources: true, email: true, days: true);
                var dimension = ParseDimension(rule.Dimension, path + ".dimension", problems, required: false);
                var condition = ToCondition(rule.When, path + ".when", problems, 1);
                Require(rule.Points, path + ".points", problems);
                if (condition is not null && rule.Points is { } points)
                {
                    result = new AttributeRule(name, condition, points) { Dimension = dimension };
                }

                break;
            case "source":
                Forbid(rule, path, problems, "source", signals: true, points: true, when: true, email: true, days: true);
                var sourceDimension = ParseDimension(rule.Dimension, path + ".dimension", problems, required: false);
                if (rule.Sources is null)
                {
                    problems.Add(new(path + ".sources", "is required"));
                    break;
                }

                var map = new Dictionary<LeadSource, double>();
                foreach (var (sourceName, value) in rule.Sources)
                {
                    // The key is document text: named in the path only when it is a valid source name.
                    if (TryCreate(() => new LeadSource(sourceName), path + ".sources", problems, out var source, "has a key that "))
                    {
                        map[source] = value;
                    }
                }

                if (problems.Count == before)
                {
                    result = new LeadSourceRule(name, map) { Dimension = sourceDimension };
                }

                break;
            case "signal":
                Forbid(rule, path, problems, "signal", sources: true, when: true, email: true, days: true);
                var signalDimension = rule.Dimension is null ? ScoreDimension.Engagement : ParseDimension(rule.Dimension, path + ".dimension", problems, required: false);
                Require(rule.Points, path + ".points", problems);
                if (rule.Signals is null)
                {
                    problems.Add(new(path + ".signals", "is required"));
                    break;
                }

                var kinds = ImmutableArray.CreateBuilder<EngagementSignalKind>(rule.Signals.Count);
                for (var i = 0; i < rule.Signals.Count; i++)
                {
                    var kindName = rule.Signals[i];
                    if (TryCreate(() => new EngagementSignalKind(kindName!), Invariant($"{path}.signals[{i}]"), problems, out var kind))
                    {
                        kinds.Add(kind);
                    }
                }

                var decay = ToDecay(rule.Decay, path + ".decay", problems);
                var window = ToDays(rule.WindowDays, path + ".windowDays", problems);
                if (problems.Count == before)
                {
                    result = new SignalRule(name, kinds.ToImmutable(), rule.Points!.Value)
                    {
                        Dimension = signalDimension,
                        MaxOccurrences = rule.MaxOccurrences,
                        MinOccurrences = rule.MinOccurrences,
                        Window = window,
                        Decay = decay,
                    };
                }

                break;
            case "emailDomain":
                Forbid(rule, path, problems, "emailDomain", signals: true, sources: true, points: true, when: true, days: true);
                var emailDimension = ParseDimension(rule.Dimension, path + ".dimension", problems, required: false);
                Require(rule.BusinessPoints, path + ".businessPoints", problems);
                Require(rule.FreeMailPoints, path + ".freeMailPoints", problems);
                var freeMail = FreeMailDomains.Default;
                if (rule.FreeMailDomains is { } domains)
                {
                    for (var i = 0; i < domains.Count; i++)
                    {
                        if (string.IsNullOrWhiteSpace(domains[i]) || domains[i]!.Length > 253)
                        {
                            problems.Add(new(Invariant($"{path}.freeMailDomains[{i}]"), "must be a domain of 1 to 253 characters"));
                        }
                    }

                    if (problems.Count == before)
                    {
                        freeMail = domains.Select(d => d!.ToLowerInvariant()).ToFrozenSet(StringComparer.Ordinal);
                    }
                }

                if (problems.Count == before)
                {
                    result = new EmailDomainRule(name, rule.BusinessPoints!.Value, rule.FreeMailPoints!.Value) { Dimension = emailDimension, FreeMail = freeMail };
                }

                break;
            case "inactivity":
                Forbid(rule, path, problems, "inactivity", signals: true, sources: true, when: true, email: true);
                var inactivityDimension = rule.Dimension is null ? ScoreDimension.Engagement : ParseDimension(rule.Dimension, path + ".dimension", problems, required: false);
                Require(rule.Points, path + ".points", problems);
                var after = ToDays(rule.Days, path + ".days", problems);
                if (after is null)
                {
                    problems.Add(new(path + ".days", "is required"));
                }

                if (problems.Count == before)
                {
                    result = new InactivityRule(name, after!.Value, rule.Points!.Value) { Dimension = inactivityDimension };
                }

                break;
            case null:
                problems.Add(new(path + ".type", "is required"));
                break;
            default:
                problems.Add(new(path + ".type", "must be one of: attribute, source, signal, emailDomain, inactivity"));
                break;
        }

        return result ?? new PlaceholderRule(name, ParseDimension(rule.Dimension, path, [], required: false));
    }

    private static void Forbid(RuleDocument rule, string path, List<ScoringProblem> problems, string type, bool signals = false, bool sources = false, bool points = false, bool when = false, bool email = false, bool days = false)
    {
        void Check(bool forbidden, bool present, string property)
        {
            if (forbidden && present)
            {
                problems.Add(new(path + "." + property, $"is not used by a '{type}' rule"));
            }
        }

        Check(signals, rule.Signals is not null, "signals");
        Check(signals, rule.MaxOccurrences is not null, "maxOccurrences");
        Check(signals, rule.MinOccurrences is not null, "minOccurrences");
        Check(signals, rule.WindowDays is not null, "windowDays");
        Check(signals, rule.Decay is not null, "decay");
        Check(sources, rule.Sources is not null, "sources");
        Check(points, rule.Points is not null, "points");
        Check(when, rule.When is not null, "when");
        Check(email, rule.BusinessPoints is not null, "businessPoints");
        Check(email, rule.FreeMailPoints is not null, "freeMailPoints");
        Check(email, rule.FreeMailDomains is not null, "freeMailDomains");
        Check(days, rule.Days is not null, "days");
    }

    private static AttributeCondition? ToCondition(ConditionDocument? c, string path, List<ScoringProblem> problems, int depth)
    {
        if (c is null)
        {
            problems.Add(new(path, "is required"));
            return null;
        }

        if (depth > AttributeCondition.MaximumDepth)
        {
            problems.Add(new(path, Invariant($"nesting is deeper than {AttributeCondition.MaximumDepth} levels")));
            return null;
        }

        var forms = (c.Field is not null || c.Op is not null ? 1 : 0) + (c.All is not null ? 1 : 0) + (c.Any is not null ? 1 : 0) + (c.Not is not null ? 1 : 0);
        if (forms != 1)
        {
            problems.Add(new(path, "must have exactly one of: field (with op), all, any, not"));
            return null;
        }

        if (c.All is not null || c.Any is not null)
        {
            var list = c.All ?? c.Any!;
            var name = c.All is not null ? "all" : "any";
            var children = new List<AttributeCondition>(list.Count);
            for (var i = 0; i < list.Count; i++)
            {
                if (ToCondition(list[i], Invariant($"{path}.{name}[{i}]"), problems, depth + 1) is { } child)
                {
                    children.Add(child);
                }
            }

            if (list.Count == 0)
            {
                problems.Add(new(path + "." + name, "must hold at least one condition"));
            }

            return children.Count == list.Count && list.Count > 0
                ? c.All is not null ? AttributeCondition.All([.. children]) : AttributeCondition.Any([.. children])
                : null;
        }

        if (c.Not is not null)
        {
            return ToCondition(c.Not, path + ".not", problems, depth + 1) is { } inner ? AttributeCondition.Not(inner) : null;
        }

        var before = problems.Count;
        if (!LeadFields.TryParse(c.Field, out var field))
        {
            problems.Add(new(path + ".field", "must be one of: " + string.Join(", ", LeadFields.Names)));
        }

        if (!FieldOperators.TryParse(c.Op, out var op))
        {
            problems.Add(new(path + ".op", "must be one of: " + string.Join(", ", FieldOperators.Names)));
        }

        if (problems.Count == before)
        {
            Unused(c, op, path, problems);
        }

        CustomFieldKey key = default;
        if (field == LeadField.Custom)
        {
            if (c.Key is null)
            {
                problems.Add(new(path + ".key", "is required for a custom attribute"));
            }
            else
            {
                TryCreate(() => new CustomFieldKey(c.Key), path + ".key", problems, out key);
            }
        }
        else if (c.Key is not null)
        {
            problems.Add(new(path + ".key", "is used only with the field 'custom'"));
        }

        if (c.Value is not null && c.Values is not null)
        {
            problems.Add(new(path + ".value", "must not be given together with values"));
        }

        var values = ImmutableArray<string>.Empty;
        var min = c.Min;
        if (c.Value is { } value)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.String:
                    values = [value.GetString()!];
                    break;
                case JsonValueKind.Number when value.TryGetDouble(out var number) && min is null:
                    min = number;
                    break;
                default:
                    problems.Add(new(path + ".value", "must be a string, or a finite number when min is not given"));
                    break;
            }
        }
        else if (c.Values is not null)
        {
            for (var i = 0; i < c.Values.Count; i++)
            {
                if (c.Values[i] is null)
                {
                    problems.Add(new(Invariant($"{path}.values[{i}]"), "must be a string"));
                }
            }

            values = [.. c.Values.Where(v => v is not null)!];
        }

        return problems.Count == before ? AttributeCondition.Create(field, op, values, min, c.Max, key) : null;
    }

    /// <summary>Refuses the parts of a leaf condition that its operator does not use, which would otherwise be ignored.</summary>
    private static void Unused(ConditionDocument c, FieldOperator op, string path, List<ScoringProblem> problems)
    {
        var (value, values, min, max) = op switch
        {
            FieldOperator.Equals => (true, true, true, false),
            FieldOperator.NotEquals => (true, true, false, false),
            FieldOperator.In or FieldOperator.NotIn or FieldOperator.StartsWith or FieldOperator.EndsWith or FieldOperator.Contains => (false, true, false, false),
            FieldOperator.AtLeast => (false, false, true, false),
            FieldOperator.AtMost => (false, false, false, true),
            FieldOperator.Between => (false, false, true, true),
            _ => (false, false, false, false),
        };
        var name = FieldOperators.NameOf(op);
        void Check(bool used, bool present, string property)
        {
            if (!used && present)
            {
                problems.Add(new(path + "." + property, $"is not used by '{name}'"));
            }
        }

        Check(value, c.Value is not null, "value");
        Check(values, c.Values is not null, "values");
        Check(min, c.Min is not null, "min");
        Check(max, c.Max is not null, "max");
        if (op == FieldOperator.Equals && c.Min is not null && (c.Values is not null || c.Value is { ValueKind: JsonValueKind.String }))
        {
            problems.Add(new(path + ".min", "is not used by 'equals' with a text value"));
        }

        if (op == FieldOperator.NotEquals && c.Value is { ValueKind: not JsonValueKind.String })
        {
            problems.Add(new(path + ".value", "must be a string for 'notEquals'"));
        }
    }

    private static DecayFunction? ToDecay(DecayDocument? d, string path, List<ScoringProblem> problems)
    {
        if (d is null)
        {
            return null;
        }

        var before = problems.Count;
        void Only(bool lifetime, bool halfLife, bool window, bool steps)
        {
            if (!lifetime && d.LifetimeDays is not null)
            {
                problems.Add(new(path + ".lifetimeDays", $"is not used by '{d.Kind}' decay"));
            }

            if (!halfLife && d.HalfLifeDays is not null)
            {
                problems.Add(new(path + ".halfLifeDays", $"is not used by '{d.Kind}' decay"));
            }

            if (!window && d.WindowDays is not null)
            {
                problems.Add(new(path + ".windowDays", $"is not used by '{d.Kind}' decay"));
            }

            if (!steps && d.Steps is not null)
            {
                problems.Add(new(path + ".steps", $"is not used by '{d.Kind}' decay"));
            }
        }

        DecayFunction? result = null;
        switch (d.Kind)
        {
            case "none":
                Only(false, false, false, false);
                result = DecayFunction.None;
                break;
            case "linear":
                Only(true, false, false, false);
                result = ToDays(d.LifetimeDays, path + ".lifetimeDays", problems) is { } lifetime ? DecayFunction.Linear(lifetime) : Missing(path + ".lifetimeDays", problems);
                break;
            case "exponential":
                Only(false, true, false, false);
                result = ToDays(d.HalfLifeDays, path + ".halfLifeDays", problems) is { } halfLife ? DecayFunction.HalfLife(halfLife) : Missing(path + ".halfLifeDays", problems);
                break;
            case "slidingWindow":
                Only(false, false, true, false);
                result = ToDays(d.WindowDays, path + ".windowDays", problems) is { } window ? DecayFunction.SlidingWindow(window) : Missing(path + ".windowDays", problems);
                break;
            case "step":
                Only(false, false, false, true);
                if (d.Steps is null)
                {
                    problems.Add(new(path + ".steps", "is required"));
                    break;
                }

                var steps = new DecayStep[d.Steps.Count];
                for (var i = 0; i < steps.Length; i++)
                {
                    var stepPath = Invariant($"{path}.steps[{i}]");
                    var step = d.Steps[i];
                    if (step is null)
                    {
                        problems.Add(new(stepPath, "must be an object"));
                        continue;
                    }

                    var afterDays = ToDays(step.AfterDays, stepPath + ".afterDays", problems);
                    if (afterDays is null)
                    {
                        problems.Add(new(stepPath + ".afterDays", "is required"));
                    }

                    Require(step.Factor, stepPath + ".factor", problems);
                    steps[i] = new DecayStep(afterDays ?? TimeSpan.Zero, step.Factor ?? 0);
                }

                if (problems.Count == before)
                {
                    DecayFunction.CheckSteps(steps, path, problems);
                }

                result = problems.Count == before ? DecayFunction.Step(steps) : null;
                break;
            case null:
                problems.Add(new(path + ".kind", "is required"));
                break;
            default:
                problems.Add(new(path + ".kind", "must be one of: none, linear, exponential, step, slidingWindow"));
                break;
        }

        return problems.Count == before ? result : null;
    }

    private static DecayFunction? Missing(string path, List<ScoringProblem> problems)
    {
        problems.Add(new(path, "is required"));
        return null;
    }

    /// <summary>Converts a number of days; at most 100 years so the tick count cannot overflow.</summary>
    private static TimeSpan? ToDays(double? days, string path, List<ScoringProblem> problems)
    {
        if (days is not { } d)
        {
            return null;
        }

        if (!double.IsFinite(d) || d <= 0 || d > 36_500)
        {
            problems.Add(new(path, Invariant($"must be a number of days above 0 and at most 36500 (was {d})")));
            return null;
        }

        return TimeSpan.FromDays(d);
    }

    private static void Require(double? value, string path, List<ScoringProblem> problems)
    {
        if (value is null)
        {
            problems.Add(new(path, "is required"));
        }
    }

    private static ScoreDimension ParseDimension(string? text, string path, List<ScoringProblem> problems, bool required)
    {
        switch (text)
        {
            case "fit":
                return ScoreDimension.Fit;
            case "engagement":
                return ScoreDimension.Engagement;
            case null when !required:
                return ScoreDimension.Fit;
            default:
                problems.Add(new(path, "must be 'fit' or 'engagement'"));
                return ScoreDimension.Fit;
        }
    }

    private static ScoreLimits ToLimits(LimitDocument? limit) => limit is null ? ScoreLimits.None : new ScoreLimits(limit.Floor, limit.Cap);

    private static bool TryCreate<T>(Func<T> create, string path, List<ScoringProblem> problems, out T value, string subject = "")
    {
        try
        {
            value = create();
            return true;
        }
        catch (ArgumentException)
        {
            problems.Add(new(path, subject + "must be a lower-case machine name (1 to 64 characters of a-z, 0-9, _, -, .)"));
        }
        catch (InvalidOperationException)
        {
            problems.Add(new(path, subject + "cannot be added: too many distinct names in this process"));
        }

        value = default!;
        return false;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>Stands in for a rule the document could not describe, so later rule indexes stay correct.</summary>
    private sealed class PlaceholderRule(string name, ScoreDimension dimension) : IScoringRule
    {
        public string Name { get; } = name;

        public ScoreDimension Dimension { get; } = dimension;

        public double Evaluate(Lead lead, DateTimeOffset asOf) => 0;
    }
}
