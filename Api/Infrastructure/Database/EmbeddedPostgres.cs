using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Npgsql;

namespace Api.Infrastructure.Database;

/// <summary>
/// A private PostgreSQL cluster started from the machine's server binaries (PATH or /usr/lib/postgresql/*/bin),
/// data in <see cref="DataDir"/>, on a free loopback TCP port, no Unix socket. initdb refuses root, so as root the
/// cluster runs as the 'postgres' system user (or 'nobody').
/// </summary>
public sealed class EmbeddedPostgres : IAsyncDisposable
{
    const string Superuser = "slices";
    public string DataDir { get; }
    public int Port { get; private set; }
    public string Password { get; }
    readonly string _bin;
    readonly string? _runAs;
    readonly bool _fsync;
    string? _sharedBuffers;
    FileStream? _lock;   // held while this process owns the cluster, so a second process cannot stop it from under us
    bool _stopped;

    EmbeddedPostgres(string dataDir, string bin, string password, string? runAs, bool fsync)
        => (DataDir, _bin, Password, _runAs, _fsync) = (dataDir, bin, password, runAs, fsync);

    public string ConnectionString(string database = "postgres") => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1", Port = Port, Username = Superuser, Password = Password, Database = database,
    }.ConnectionString;

    public static async Task<EmbeddedPostgres> StartAsync(string dataDir, string? binDir, bool fsync, ILogger log, CancellationToken ct,
        string? sharedBuffers = null)
    {
        var bin = FindBinaries(binDir);
        var runAs = IsRoot() ? (UserExists("postgres") ? "postgres" : "nobody") : null;
        var configured = Path.GetFullPath(dataDir);
        dataDir = EffectiveDataDir(configured);
        var passwordFile = dataDir + ".password";
        if (dataDir != configured)
            log.LogInformation("{Dir} is not reachable by the '{User}' user; the embedded cluster uses {Moved}", configured, runAs, dataDir);
        Directory.CreateDirectory(Path.GetDirectoryName(dataDir)!);
        FileStream dirLock;
        try { dirLock = new FileStream(dataDir + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None); }
        catch (IOException)
        {
            throw new InvalidOperationException($"Another Slices process is using the embedded database in {dataDir}. " +
                "Stop it, or set Database:EmbeddedDataDir to another folder, or ConnectionStrings:Postgres to a server.");
        }

        string password;
        if (File.Exists(Path.Combine(dataDir, "PG_VERSION")) && File.Exists(passwordFile))
            password = (await File.ReadAllTextAsync(passwordFile, ct)).Trim();
        else
        {
            password = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
            if (Directory.Exists(dataDir)) Directory.Delete(dataDir, recursive: true);
            Directory.CreateDirectory(dataDir);
            await File.WriteAllTextAsync(passwordFile, password, ct);
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(passwordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            var pwTemp = Path.Combine(Path.GetTempPath(), $"slices-pw-{Guid.NewGuid():N}");
            await File.WriteAllTextAsync(pwTemp, password, ct);
            try
            {
                if (runAs is not null) { await Chown(runAs, dataDir, ct); await Chown(runAs, pwTemp, ct); }
                log.LogInformation("Initialising embedded PostgreSQL cluster in {DataDir}", dataDir);
                await Run(bin, "initdb", runAs, ct, "-D", dataDir, "-U", Superuser, "--pwfile", pwTemp, "-E", "UTF8",
                    "--locale=C", "--auth-local=scram-sha-256", "--auth-host=scram-sha-256");
            }
            finally { File.Delete(pwTemp); }
        }

        var pg = new EmbeddedPostgres(dataDir, bin, password, runAs, fsync) { _lock = dirLock, _sharedBuffers = sharedBuffers };
        try { await pg.StartServerAsync(log, ct); }
        catch { await dirLock.DisposeAsync(); throw; }
        return pg;
    }

    /// <summary>
    /// Where the cluster of <paramref name="dataDir"/> really lives: the folder itself, or (as root, when the 'postgres' user
    /// cannot reach it, e.g. a checkout under /root) a folder under /var/tmp named after its hash.
    /// </summary>
    public static string EffectiveDataDir(string dataDir)
    {
        dataDir = Path.GetFullPath(dataDir);
        Directory.CreateDirectory(Path.GetDirectoryName(dataDir)!);
        if (!IsRoot() || OthersCanTraverse(Path.GetDirectoryName(dataDir)!)) return dataDir;
        var hash = Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(dataDir)))[..12].ToLowerInvariant();
        var moved = Path.Combine("/var/tmp", $"slices-{hash}", "postgres");
        Directory.CreateDirectory(Path.GetDirectoryName(moved)!);
        return moved;
    }

    /// <summary>
    /// The owner connection string of the cluster in <paramref name="dataDir"/> when another process (a running API) holds
    /// it, from its <c>postmaster.pid</c> (port) and password file; null when nobody runs it (the caller then starts it).
    /// </summary>
    public static string? RunningClusterConnection(string dataDir, string database = "slices")
    {
        dataDir = EffectiveDataDir(dataDir);
        try { using var probe = new FileStream(dataDir + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None); return null; }
        catch (IOException) { /* held: a running process owns the cluster */ }
        var pid = Path.Combine(dataDir, "postmaster.pid");
        if (!File.Exists(pid) || !File.Exists(dataDir + ".password")) return null;
        var lines = File.ReadAllLines(pid);
        if (lines.Length < 4 || !int.TryParse(lines[3].Trim(), out var port)) return null;
        return new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1", Port = port, Username = Superuser, Password = File.ReadAllText(dataDir + ".password").Trim(), Database = database,
        }.ConnectionString;
    }

    async Task StartServerAsync(ILogger log, CancellationToken ct)
    {
        if (File.Exists(Path.Combine(DataDir, "postmaster.pid")))
        {
            // we hold the folder lock, so a running postmaster was left by a process that died: stop it
            try { await Run(_bin, "pg_ctl", _runAs, ct, "stop", "-D", DataDir, "-m", "fast", "-w", "-t", "30"); }
            catch (Exception e) { log.LogDebug(e, "No running cluster to stop in {DataDir}", DataDir); }
        }

        for (var attempt = 1; ; attempt++)
        {
            Port = FreePort();
            var opts = $"-p {Port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=200"
                       + (_fsync ? "" : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off")
                       + (SafeSize(_sharedBuffers) is { } sb ? $" -c shared_buffers={sb}" : "");
            try
            {
                await Run(_bin, "pg_ctl", _runAs, ct, "start", "-D", DataDir, "-w", "-t", "60", "-s",
                    "-l", Path.Combine(DataDir, "server.log"), "-o", opts);
                break;
            }
            catch (Exception) when (attempt < 3) { log.LogWarning("Embedded PostgreSQL did not start on port {Port}; retrying", Port); }
        }
        log.LogInformation("Embedded PostgreSQL listening on 127.0.0.1:{Port} (data {DataDir})", Port, DataDir);
    }

    /// <summary>A size such as <c>512MB</c> or <c>1GB</c>; anything else is ignored (it is passed on a command line).</summary>
    static string? SafeSize(string? v) =>
        v is not null && System.Text.RegularExpressions.Regex.IsMatch(v.Trim(), "^[0-9]{1,7}(kB|MB|GB)?$") ? v.Trim() : null;

    public async Task StopAsync()
    {
        if (_stopped) return;
        _stopped = true;
        NpgsqlConnection.ClearAllPools();
        try { await Run(_bin, "pg_ctl", _runAs, CancellationToken.None, "stop", "-D", DataDir, "-m", "fast", "-w", "-t", "30", "-s"); }
        catch (Exception) { /* already gone */ }
        if (_lock is not null) await _lock.DisposeAsync();
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    public static string FindBinaries(string? configured)
    {
        static bool Has(string dir) => File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl"))
                                       && File.Exists(Path.Combine(dir, "postgres"));
        if (!string.IsNullOrWhiteSpace(configured))
            return Has(configured) ? configured
                : throw new InvalidOperationException($"Database:EmbeddedBinDir '{configured}' does not hold initdb, pg_ctl and postgres.");

        var candidates = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Concat(Directory.Exists("/usr/lib/postgresql")
                ? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
                    .Select(d => Path.Combine(d, "bin"))
                : []);
        return candidates.FirstOrDefault(Has) ?? throw new InvalidOperationException(
            "No PostgreSQL server binaries found (initdb, pg_ctl and postgres on PATH or in /usr/lib/postgresql/*/bin). " +
            "Install them (Debian: `apt-get install -y postgresql`), set Database:EmbeddedBinDir to their folder, " +
            "or point ConnectionStrings:Postgres at an existing server.");
    }

    static async Task Run(string bin, string tool, string? runAs, CancellationToken ct, params string[] args)
    {
        var psi = runAs is null ? new ProcessStartInfo(Path.Combine(bin, tool)) : new ProcessStartInfo("runuser");
        if (runAs is not null) { psi.ArgumentList.Add("-u"); psi.ArgumentList.Add(runAs); psi.ArgumentList.Add("--"); psi.ArgumentList.Add(Path.Combine(bin, tool)); }
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.RedirectStandardOutput = psi.RedirectStandardError = true;
        psi.WorkingDirectory = Path.GetTempPath();
        psi.Environment["LC_ALL"] = "C";
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync(ct);
        var stderr = p.StandardError.ReadToEndAsync(ct);
        await p.WaitForExitAsync(ct);
        if (p.ExitCode != 0)
            throw new InvalidOperationException($"{tool} failed ({p.ExitCode}): {(await stderr).Trim()} {(await stdout).Trim()}");
    }

    static Task Chown(string user, string path, CancellationToken ct) => RunPlain("chown", ct, "-R", $"{user}:", path);

    static async Task RunPlain(string file, CancellationToken ct, params string[] args)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        await p.WaitForExitAsync(ct);
        if (p.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed: {await p.StandardError.ReadToEndAsync(ct)}");
    }

    static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    static bool OthersCanTraverse(string dir)
    {
        for (var d = new DirectoryInfo(dir); d is not null; d = d.Parent)
            if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(d.FullName) & UnixFileMode.OtherExecute) == 0) return false;
        return true;
    }

    static bool IsRoot() => OperatingSystem.IsLinux() && geteuid() == 0;
    static bool UserExists(string name) => File.ReadLines("/etc/passwd").Any(l => l.StartsWith(name + ":", StringComparison.Ordinal));

    [DllImport("libc", SetLastError = false)]
    static extern uint geteuid();
}
