using System.Globalization;
using System.Text;
using System.Text.Json;
using LeadKit.Abstractions.Configuration;
using LeadKit.Abstractions.Funnel;
using LeadKit.Funnel.Definitions;

namespace LeadKit.Funnel.Serialization;

/// <summary>
/// The JSON form of a funnel definition: stages, transitions, guards by registered name, terminal stages, SLAs and
/// recycling. It follows the LeadKit configuration convention (<see cref="ConfigurationDocument"/>): a root object with
/// an integer <c>version</c> (1), no comments or trailing commas, duplicate keys refused, at most
/// <see cref="MaximumBytes"/> bytes and <see cref="MaximumDepth"/> levels; every problem is reported at once, each with its
/// path and code, in a <see cref="ConfigurationException"/>.
/// </summary>
/// <remarks>
/// <para>The shape (every stage, including terminal and destination-only stages, is a key of <c>stages</c>):</para>
/// <code>
/// { "version": 1, "initialStage": "suspect", "mainPath": ["suspect", "lead", "mql"],
///   "stages": {
///     "suspect": { "transitions": { "qualify": { "to": "lead" } } },
///     "lead":    { "transitions": { "qualify": { "to": "mql", "guards": ["qualified-mql"] } } },
///     "mql":     { "maxTimeInStageHours": 48, "transitions": { "reject": { "to": "lead", "backward": true } } },
///     "lost":    { "terminal": true, "recyclesInto": "lead" } } }
/// </code>
/// <para>
/// Stage actions and override authorisation are code, not data: pass <c>configure</c> to add them to the builder before
/// it builds. Writing needs the registry the guards were registered in (by reference).
/// </para>
/// </remarks>
public static class FunnelDefinitionJson
{
    /// <summary>The largest document accepted, in bytes.</summary>
    public const int MaximumBytes = 256 * 1024;

    /// <summary>The deepest nesting accepted.</summary>
    public const int MaximumDepth = 8;

    /// <summary>The most stages, transitions per stage, or guards per transition accepted.</summary>
    public const int MaximumCount = 200;

    /// <summary>The longest SLA accepted, in hours (ten years).</summary>
    public const double MaximumHours = 87_600;

    private static readonly ConfigurationDocumentOptions DocumentOptions = new("funnel definition") { MaximumBytes = MaximumBytes, MaximumDepth = MaximumDepth };

    /// <summary>Reads a definition from JSON text and builds it.</summary>
    /// <param name="json">The document.</param>
    /// <param name="guards">The guards the document may name.</param>
    /// <param name="configure">Adds what JSON cannot hold (stage actions, override authorisation) before the build; optional.</param>
    /// <returns>The definition.</returns>
    /// <exception cref="ConfigurationException">The document or the definition it describes has problems; all are listed with paths and codes.</exception>
    public static FunnelDefinition Parse(string json, FunnelGuardRegistry guards, Action<FunnelDefinitionBuilder>? configure = null)
    {
        var problems = new List<ConfigurationProblem>();
        var definition = TryParse(json, guards, configure, problems);
        ConfigurationException.ThrowIfAny(problems);
        return definition!;
    }

    /// <summary>Reads a definition from JSON text and builds it, reporting problems instead of throwing (the shape a reload builder has).</summary>
    /// <param name="json">The document.</param>
    /// <param name="guards">The guards the document may name.</param>
    /// <param name="configure">Adds what JSON cannot hold (stage actions, override authorisation) before the build; optional.</param>
    /// <param name="problems">Receives every problem, each with its path and code.</param>
    /// <returns>The definition, or <see langword="null"/> when a problem was added.</returns>
    /// <remarks>For reloading: <c>registry.Add(name, source, (json, problems) =&gt; FunnelDefinitionJson.TryParse(json, guards, null, problems))</c> on a <c>ReloadableRegistry&lt;FunnelDefinition&gt;</c>.</remarks>
    public static FunnelDefinition? TryParse(string json, FunnelGuardRegistry guards, Action<FunnelDefinitionBuilder>? configure, ICollection<ConfigurationProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(guards);
        ArgumentNullException.ThrowIfNull(problems);
        var before = problems.Count;
        using var document = ConfigurationDocument.Parse(json, DocumentOptions, problems);
        if (document is null)
        {
            return null;
        }

        var builder = Read(new ConfigurationElement(document.RootElement, "$", problems), guards);
        if (problems.Count > before)
        {
            return null;
        }

        configure?.Invoke(builder);
        try
        {
            return builder.Build();
        }
        catch (ConfigurationException ex)
        {
            foreach (var problem in ex.Problems)
            {
                problems.Add(problem);
            }

            return null;
        }
    }

    /// <summary>Writes a definition as JSON (indented, stages and transitions in definition order).</summary>
    /// <param name="definition">The definition.</param>
    /// <param name="guards">The registry its guards were registered in.</param>
    /// <returns>The document; <see cref="Parse"/> with the same registry reads it back to an equal definition.</returns>
    /// <exception cref="InvalidOperationException">A guard is not registered in <paramref name="guards"/> (the message names the stage and trigger).</exception>
    public static string Write(FunnelDefinition definition, FunnelGuardRegistry guards)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(guards);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteNumber(ConfigurationDocument.VersionProperty, 1);
            writer.WriteString("initialStage", definition.InitialStage.Value);
            if (definition.MainPath.Length > 0)
            {
                writer.WriteStartArray("mainPath");
                foreach (var stage in definition.MainPath)
                {
                    writer.WriteStringValue(stage.Value);
                }

                writer.WriteEndArray();
            }

            writer.WriteStartObject("stages");
            foreach (var stage in definition.Stages)
            {
                WriteStage(writer, definition, stage, guards);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void WriteStage(Utf8JsonWriter writer, FunnelDefinition definition, FunnelStage stage, FunnelGuardRegistry guards)
    {
        writer.WriteStartObject(stage.Value!);
        if (definition.IsTerminal(stage))
        {
            writer.WriteBoolean("terminal", true);
        }

        if (definition.GetMaxTimeInStage(stage) is { } sla)
        {
            writer.WriteNumber("maxTimeInStageHours", sla.TotalHours);
        }

        if (definition.RecycleEntryStage(stage) is { } entry)
        {
            writer.WriteString("recyclesInto", entry.Value);
        }

        var transitions = definition.TransitionsFrom(stage);
        if (transitions.Length > 0)
        {
            writer.WriteStartObject("transitions");
            foreach (var transition in transitions)
            {
                writer.WriteStartObject(transition.Trigger.Value!);
                writer.WriteString("to", transition.Destination.Value);
                if (transition.IsBackward)
                {
                    writer.WriteBoolean("backward", true);
                }

                if (transition.Guards.Length > 0)
                {
                    writer.WriteStartArray("guards");
                    foreach (var guard in transition.Guards)
                    {
                        writer.WriteStringValue(guards.NameOf(guard)
                            ?? throw new InvalidOperationException($"Stage '{stage}', trigger '{transition.Trigger}': the guard '{guard.Description}' is not registered in the FunnelGuardRegistry, so it has no name to write."));
                    }

                    writer.WriteEndArray();
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static FunnelDefinitionBuilder Read(ConfigurationElement root, FunnelGuardRegistry guards)
    {
        var builder = new FunnelDefinitionBuilder();
        root.ExpectObject(ConfigurationDocument.VersionProperty, "initialStage", "mainPath", "stages");
        if (!root.TryGetRequired("stages", out var stagesElement) || !stagesElement.ExpectObject(Names(stagesElement)))
        {
            return builder;
        }

        // Every stage is declared first, so a reference to an undeclared stage is reported where it is made.
        var declared = new Dictionary<string, FunnelStage>(StringComparer.Ordinal);
        var count = 0;
        foreach (var property in stagesElement.Value.EnumerateObject())
        {
            if (++count > MaximumCount)
            {
                stagesElement.Report(ConfigurationProblemCodes.TooMany, string.Create(CultureInfo.InvariantCulture, $"must hold at most {MaximumCount} stages"));
                return builder;
            }

            if (ToStage(property.Name, stagesElement.PathOf(property.Name), root.Problems) is { } stage)
            {
                declared[property.Name] = stage;
            }
        }

        if (root.TryGetRequired("initialStage", out var initial) && Reference(initial, declared) is { } start)
        {
            builder.StartAt(start);
        }

        if (root.TryGetProperty("mainPath", out var mainPath))
        {
            var path = new List<FunnelStage>();
            foreach (var item in mainPath.GetArray(MaximumCount))
            {
                if (Reference(item, declared) is { } stage)
                {
                    path.Add(stage);
                }
            }

            builder.MainPath([.. path]);
        }

        foreach (var property in stagesElement.Value.EnumerateObject())
        {
            if (declared.TryGetValue(property.Name, out var stage) && stagesElement.TryGetProperty(property.Name, out var element))
            {
                ReadStage(builder.Configure(stage), element, declared, guards);
            }
        }

        return builder;
    }

    private static void ReadStage(StageConfiguration stage, ConfigurationElement element, Dictionary<string, FunnelStage> declared, FunnelGuardRegistry guards)
    {
        if (!element.ExpectObject("terminal", "maxTimeInStageHours", "recyclesInto", "transitions"))
        {
            return;
        }

        if (element.TryGetProperty("terminal", out var terminal) && terminal.GetBoolean() is true)
        {
            stage.Terminal();
        }

        if (element.TryGetProperty("maxTimeInStageHours", out var hours) && hours.GetNumber(0, MaximumHours) is { } h)
        {
            if (h <= 0)
            {
                hours.Report(ConfigurationProblemCodes.OutOfRange, "must be more than 0 hours");
            }
            else
            {
                stage.MaxTimeInStage(TimeSpan.FromHours(h));
            }
        }

        if (element.TryGetProperty("recyclesInto", out var recycle) && Reference(recycle, declared) is { } entry)
        {
            stage.RecyclesInto(entry);
        }

        if (!element.TryGetProperty("transitions", out var transitions) || !transitions.ExpectObject(Names(transitions)))
        {
            return;
        }

        foreach (var property in transitions.Value.EnumerateObject())
        {
            if (ToTrigger(property.Name, transitions.PathOf(property.Name), element.Problems) is { } trigger
                && transitions.TryGetProperty(property.Name, out var transition))
            {
                ReadTransition(stage, trigger, transition, declared, guards);
            }
        }
    }

    private static void ReadTransition(StageConfiguration stage, FunnelTrigger trigger, ConfigurationElement element, Dictionary<string, FunnelStage> declared, FunnelGuardRegistry guards)
    {
        if (!element.ExpectObject("to", "backward", "guards"))
        {
            return;
        }

        var destination = element.TryGetRequired("to", out var to) ? Reference(to, declared) : null;
        var backward = element.TryGetProperty("backward", out var b) && b.GetBoolean() is true;
        var resolved = new List<TransitionGuard>();
        if (element.TryGetProperty("guards", out var list))
        {
            foreach (var item in list.GetArray(MaximumCount))
            {
                if (item.GetString() is { } name)
                {
                    if (guards.TryGet(name, out var guard))
                    {
                        resolved.Add(guard);
                    }
                    else
                    {
                        item.Report(ConfigurationProblemCodes.UnknownReference, "names no guard registered in the FunnelGuardRegistry");
                    }
                }
            }
        }

        if (destination is not { } target)
        {
            return;
        }

        if (backward)
        {
            stage.PermitBackward(trigger, target, [.. resolved]);
        }
        else
        {
            stage.PermitIf(trigger, target, [.. resolved]);
        }
    }

    private static FunnelStage? Reference(ConfigurationElement element, Dictionary<string, FunnelStage> declared)
    {
        if (element.GetString() is not { } name)
        {
            return null;
        }

        if (declared.TryGetValue(name, out var stage))
        {
            return stage;
        }

        element.Report(ConfigurationProblemCodes.UnknownReference, "names no stage declared in $.stages");
        return null;
    }

    private static FunnelStage? ToStage(string text, string path, ICollection<ConfigurationProblem> problems)
        => FunnelStage.TryParse(text, out var stage) ? stage : Invalid<FunnelStage>(path, "stage", problems);

    private static FunnelTrigger? ToTrigger(string text, string path, ICollection<ConfigurationProblem> problems)
        => FunnelTrigger.TryParse(text, out var trigger) ? trigger : Invalid<FunnelTrigger>(path, "trigger", problems);

    // The problem states the rule, never the text (a key may hold anything).
    private static T? Invalid<T>(string path, string kind, ICollection<ConfigurationProblem> problems)
        where T : struct
    {
        problems.Add(new(path, ConfigurationProblemCodes.InvalidValue, $"is not a valid {kind} name"));
        return null;
    }

    private static string[] Names(ConfigurationElement element)
        => element.Value.ValueKind == JsonValueKind.Object ? [.. element.Value.EnumerateObject().Select(static p => p.Name)] : [];
}
