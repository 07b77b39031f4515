using System.Diagnostics;
using System.Reflection;

namespace LeadKit.Samples.Tests;

/// <summary>Runs a sample's built program with <c>dotnet</c> and captures what it prints.</summary>
internal sealed record SampleRun(int ExitCode, string Output, string Error)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    /// <summary>Runs <paramref name="sample"/> in <paramref name="workingDirectory"/> (so files it writes by default land there).</summary>
    public static SampleRun Start(string sample, string workingDirectory, params string[] arguments)
    {
        var configuration = typeof(SampleRun).Assembly.GetCustomAttribute<BuildConfigurationAttribute>()!.Configuration;
        var program = Path.Combine(RepositoryRoot(), "samples", sample, "bin", configuration, "net10.0", sample + ".dll");
        Assert.True(File.Exists(program), $"{program} is missing; build the solution first.");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = workingDirectory };
        start.ArgumentList.Add(program);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{sample} did not finish within {Timeout.TotalMinutes} minutes.");
        }

        return new SampleRun(process.ExitCode, output.GetAwaiter().GetResult(), error.GetAwaiter().GetResult());
    }

    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "LeadKit.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("LeadKit.sln was not found above " + AppContext.BaseDirectory);
    }
}
