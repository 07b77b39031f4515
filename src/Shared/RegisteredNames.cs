using Microsoft.Extensions.DependencyInjection;

namespace LeadKit.Shared;

/// <summary>
/// The names registered for one kind of options in one service collection (filled while registering, read once the
/// provider is built), so a package's provider knows every named model, plan or funnel without scanning options.
/// </summary>
/// <typeparam name="TOptions">The options type whose names these are; one instance per type and service collection.</typeparam>
/// <remarks>Compiled into each package that registers named options (linked from <c>src/Shared</c>, internal to each).</remarks>
internal sealed class RegisteredNames<TOptions>
{
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    private RegisteredNames()
    {
    }

    public IReadOnlyCollection<string> Names
    {
        get
        {
            lock (_names)
            {
                return [.. _names];
            }
        }
    }

    /// <summary>Gets the collection's instance, registering it the first time; <paramref name="created"/> says which.</summary>
    public static RegisteredNames<TOptions> In(IServiceCollection services, out bool created)
    {
        foreach (var descriptor in services)
        {
            if (descriptor.ServiceType == typeof(RegisteredNames<TOptions>) && descriptor.ImplementationInstance is RegisteredNames<TOptions> existing)
            {
                created = false;
                return existing;
            }
        }

        var names = new RegisteredNames<TOptions>();
        services.AddSingleton(names);
        created = true;
        return names;
    }

    public void Add(string name)
    {
        lock (_names)
        {
            _names.Add(name);
        }
    }
}
