using System.Diagnostics;
using System.Text.RegularExpressions;

namespace LeadKit.Samples.Tests;

/// <summary>
/// Opens a page in headless Chromium (Debian's <c>chromium</c> package), takes a screenshot and collects every console
/// message the page produced (Chromium logs them to stderr as <c>INFO:CONSOLE</c> lines with <c>--enable-logging=stderr --v=1</c>).
/// </summary>
internal static partial class HeadlessChromium
{
    /// <summary>Debian's Chromium; <c>LEADKIT_CHROMIUM</c> names another binary (or a missing one, to see the tests skip).</summary>
    public static readonly string Executable = Environment.GetEnvironmentVariable("LEADKIT_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary>Marks the running <c>[SkippableFact]</c> as skipped, with the reason, when Chromium is not installed.</summary>
    public static void RequireInstalled()
        => Skip.IfNot(File.Exists(Executable), $"{Executable} is not installed (Debian package 'chromium'; .ci/run installs it): the HTML report cannot be rendered.");

    /// <summary>Renders <paramref name="page"/> at the given window size into <paramref name="screenshot"/>.</summary>
    /// <returns>The console messages of the page, in the order Chromium logged them.</returns>
    public static IReadOnlyList<string> Render(string page, string screenshot, int width, int height)
    {
        // A profile of its own: parallel runs must not share (and lock) one, and nothing of the user's is read.
        var profile = Directory.CreateTempSubdirectory("leadkit-chromium-");
        try
        {
            var start = new ProcessStartInfo(Executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run", "--disable-extensions",
                "--enable-logging=stderr", "--v=1", $"--user-data-dir={profile.FullName}", $"--window-size={width},{height}",
                $"--screenshot={screenshot}", new Uri(page).AbsoluteUri,
            })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"Chromium did not finish within {Timeout.TotalMinutes} minutes.");
            }

            var log = error.GetAwaiter().GetResult();
            _ = output.GetAwaiter().GetResult();
            Assert.True(process.ExitCode == 0, $"Chromium exited with {process.ExitCode}.");
            Assert.True(File.Exists(screenshot), "Chromium wrote no screenshot.");
            return [.. log.Split('\n').Where(line => ConsoleLine().IsMatch(line)).Select(line => line.Trim())];
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }

    // "[pid:tid:date/time:INFO:CONSOLE:1] "message", source: file:///... (1)"; older builds write CONSOLE(1).
    [GeneratedRegex(@":CONSOLE[:(]")]
    private static partial Regex ConsoleLine();
}
