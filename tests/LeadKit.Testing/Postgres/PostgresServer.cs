using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace LeadKit.Testing.Postgres;

/// <summary>
/// A throwaway PostgreSQL server for one test run: <c>initdb</c> into a temp folder, <c>pg_ctl start</c> with only a Unix
/// socket in that folder (no TCP port, so runs never collide), and <c>pg_ctl stop -m immediate</c> plus deleting the folder
/// on dispose (also when start-up fails, and at process exit if nobody disposed it). Use it as an xunit collection fixture.
/// </summary>
/// <remarks>
/// <para>
/// The server binaries come from <c>pg_config --bindir</c>, else the newest <c>/usr/lib/postgresql/*/bin</c> (Debian's
/// <c>postgresql</c> package). When the process is root (CI), the folder is given to the <c>postgres</c> user and the server
/// runs through <c>runuser -u postgres</c>: PostgreSQL refuses to run as root. Missing binaries or a failed start throw
/// <see cref="InvalidOperationException"/> with the reason, so the tests that need the server fail; they never pass silently.
/// </para>
/// <para>Durability is off (<c>fsync</c>, <c>synchronous_commit</c>, <c>full_page_writes</c>): the data is thrown away anyway, and start-up and commits are fast.</para>
/// </remarks>
public sealed class PostgresServer : IDisposable
{
    private const int Port = 5432;
    private readonly string _root;
    private readonly string _data;
    private readonly string _bin;
    private readonly bool _asPostgresUser;
    private readonly ConcurrentDictionary<string, string> _databases = new(StringComparer.Ordinal);
    private int _stopped;

    /// <summary>Starts the server.</summary>
    /// <exception cref="InvalidOperationException">The binaries are missing or the server did not start; the message says why.</exception>
    public PostgresServer()
    {
        _bin = FindBinaries();
        _asPostgresUser = string.Equals(Environment.UserName, "root", StringComparison.Ordinal);
        _root = Path.Combine(Path.GetTempPath(), "leadkit-pg-" + Guid.NewGuid().ToString("N")[..12]);
        _data = Path.Combine(_root, "data");
        Directory.CreateDirectory(_root);
        try
        {
            if (_asPostgresUser)
            {
                Run("chown", ["postgres:postgres", _root], "give the server's folder to the postgres user");
            }

            RunServerTool("initdb", ["-D", _data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"], "initdb");
            var settings = string.Join(
                ' ',
                "-c listen_addresses=''",
                $"-k {_root}",
                $"-p {Port}",
                "-c fsync=off",
                "-c synchronous_commit=off",
                "-c full_page_writes=off",
                "-c shared_buffers=32MB",
                "-c max_connections=200");
            RunServerTool("pg_ctl", ["start", "-D", _data, "-w", "-t", "60", "-l", Path.Combine(_root, "server.log"), "-o", settings], "pg_ctl start");
            AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
        }
        catch
        {
            Stop();
            throw;
        }
    }

    /// <summary>Gets the folder holding the server's Unix socket (the connection's host).</summary>
    public string SocketDirectory => _root;

    /// <summary>
    /// Creates a database once per name (later calls return the same one) and returns its Npgsql connection string. Its
    /// collation is ICU's <c>en-US</c>, a language collation, so tests see where ids would sort differently from ordinal.
    /// </summary>
    /// <param name="name">A lower-case name of letters, digits and underscores.</param>
    /// <returns>The connection string (Unix socket, user <c>postgres</c>, trust authentication).</returns>
    public string Database(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return _databases.GetOrAdd(name, n =>
        {
            RunServerTool("createdb", ["-h", _root, "-p", Port.ToString(CultureInfo.InvariantCulture), "-U", "postgres", "--template=template0", "--locale-provider=icu", "--icu-locale=en-US", "--locale=C.UTF-8", n], "createdb");
            return $"Host={_root};Port={Port};Username=postgres;Database={n};Maximum Pool Size=50";
        });
    }

    /// <summary>Stops the server and deletes its folder.</summary>
    public void Dispose()
    {
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        Stop();
    }

    private void OnProcessExit(object? sender, EventArgs e) => Stop();

    private void Stop()
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
        {
            return;
        }

        try
        {
            if (File.Exists(Path.Combine(_data, "postmaster.pid")))
            {
                RunServerTool("pg_ctl", ["stop", "-D", _data, "-m", "immediate", "-w"], "pg_ctl stop");
            }
        }
        finally
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private void RunServerTool(string tool, IReadOnlyList<string> arguments, string what)
    {
        var path = Path.Combine(_bin, tool);
        if (_asPostgresUser)
        {
            Run("runuser", ["-u", "postgres", "--", path, .. arguments], what);
        }
        else
        {
            Run(path, arguments, what);
        }
    }

    private void Run(string file, IReadOnlyList<string> arguments, string what)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"PostgreSQL test server: could not start {file} ({what}).");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"PostgreSQL test server: {what} did not finish within 120 s.");
        }

        if (process.ExitCode != 0)
        {
            var log = Path.Combine(_root, "server.log");
            var serverLog = File.Exists(log) ? File.ReadAllText(log) : "(no server log)";
            throw new InvalidOperationException(
                $"PostgreSQL test server: {what} failed with exit code {process.ExitCode}.{Environment.NewLine}{output.Result}{error.Result}{Environment.NewLine}Server log:{Environment.NewLine}{serverLog}");
        }
    }

    private static string FindBinaries()
    {
        var candidates = new List<string>();
        try
        {
            var start = new ProcessStartInfo("pg_config", "--bindir") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            using var process = Process.Start(start);
            if (process is not null)
            {
                var output = process.StandardOutput.ReadToEnd().Trim();
                process.WaitForExit();
                if (process.ExitCode == 0 && output.Length > 0)
                {
                    candidates.Add(output);
                }
            }
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // pg_config is not installed (it comes with libpq-dev): look where Debian's server package puts the binaries.
        }

        const string Debian = "/usr/lib/postgresql";
        if (Directory.Exists(Debian))
        {
            candidates.AddRange(Directory.GetDirectories(Debian)
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out var major) ? major : 0)
                .Select(d => Path.Combine(d, "bin")));
        }

        return candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")))
            ?? throw new InvalidOperationException(
                "PostgreSQL test server: no server binaries (initdb, pg_ctl) found through `pg_config --bindir` or in /usr/lib/postgresql/*/bin. "
                + "Install Debian's postgresql-15 package (apt-get install postgresql-15); the PostgreSQL tests cannot run without it.");
    }
}
