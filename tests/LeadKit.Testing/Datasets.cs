using Xunit;

namespace LeadKit.Testing;

/// <summary>Locates the shared real-data folder (<c>../shared/datasets</c> beside the repository).</summary>
public static class Datasets
{
    /// <summary>Gets the folder of a dataset, or <see langword="null"/> when the shared datasets are absent.</summary>
    /// <param name="name">The dataset folder name, e.g. <c>olist-marketing-funnel</c>.</param>
    public static string? Find(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "datasets", name);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>
    /// Gets the folder of a dataset, or marks the running <c>[SkippableFact]</c> as skipped with the reason when the
    /// shared datasets are absent.
    /// </summary>
    /// <param name="name">The dataset folder name, e.g. <c>olist-marketing-funnel</c>.</param>
    public static string Require(string name)
    {
        var path = Find(name);
        Skip.If(path is null, $"The real-data folder shared/datasets/{name} was not found beside the repository; this test needs it.");
        return path!;
    }
}
