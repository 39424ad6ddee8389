using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Api.Features.ShopperSearch.Demo;
using Api.Infrastructure.Auth;
using Api.Infrastructure.Demo;
using Api.Infrastructure.Security;
using Api.Tests.Features.ShopperSearch;
using Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Npgsql;
using Xunit.Abstractions;

namespace Api.Tests.Platform.Cluster;

/// <summary>
/// Issue 20 §3: three API instances as separate processes (the published <c>Api.dll</c>, as deployed) on one database. The
/// instance running a job is killed with SIGKILL mid-job (no shutdown code runs, so nothing releases the job); another
/// instance takes the job after its lease and finishes it. The job is a ShopperSearch pipeline run whose embeddings server
/// (a fake on 127.0.0.1) holds every request until the test lets it answer, so "mid-job" is a state, not a race.
/// </summary>
public sealed class KilledInstanceTests(ITestOutputHelper output) : IAsyncLifetime
{
    const string PipelineJob = "shopper.pipeline";
    static readonly TimeSpan Lease = TimeSpan.FromSeconds(2);

    string _db = "";
    WebApplication? _embeddings;
    string _embeddingsUrl = "";
    TaskCompletionSource _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);
    int _embeddingCalls;
    readonly List<Instance> _instances = [];

    sealed record Instance(Process Process, string Url, ConcurrentQueue<string> Log);

    public async Task InitializeAsync()
    {
        _db = await TestCluster.CreateDatabaseAsync();
        // the demo merchant, seeded by a host that runs no jobs
        await using (var seeder = new InstanceFactory(_db, new Dictionary<string, string?> { ["Jobs:Enabled"] = "false" }))
        {
            await ((IAsyncLifetime)seeder).InitializeAsync();
            await DemoData.SeedAsync(seeder.Services, CancellationToken.None);
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _embeddings = builder.Build();
        _embeddings.MapPost("/v1/embeddings", async (HttpContext ctx) =>
        {
            Interlocked.Increment(ref _embeddingCalls);
            using var doc = await System.Text.Json.JsonDocument.ParseAsync(ctx.Request.Body);
            var inputs = doc.RootElement.GetProperty("input").EnumerateArray().Select(e => e.GetString() ?? "").ToList();
            await _answer.Task.WaitAsync(ctx.RequestAborted);
            return Results.Json(new
            {
                @object = "list", model = "kill-embed",
                data = inputs.Select((s, i) => new { @object = "embedding", index = i, embedding = Enumerable.Range(0, 8).Select(d => (float)((s.Length + d) % 7 + 1) / 7).ToArray() }),
                usage = new { prompt_tokens = 1, total_tokens = 1 },
            });
        });
        await _embeddings.StartAsync();
        _embeddingsUrl = _embeddings.Urls.First() + "/v1";

        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => StartInstanceAsync()));
    }

    async Task StartInstanceAsync()
    {
        var port = FreePort();
        var dir = AppContext.BaseDirectory;
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", $"\"{Path.Combine(dir, "Api.dll")}\"")
        {
            WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        var env = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["ConnectionStrings__Postgres"] = _db,
            [Schemes.PlatformSigningKey.Replace(":", "__")] = ApiFactory.PlatformKey,
            [SecretBox.KeySetting.Replace(":", "__")] = "dGVzdC1lbmNyeXB0aW9uLWtleS0zMi1ieXRlcy1sb25nIQ==",
            ["Database__MaxPoolSize"] = "10",
            ["Jobs__Enabled"] = "true", ["Jobs__Concurrency"] = "2",
            ["Jobs__Lease"] = Lease.ToString(), ["Jobs__SweepInterval"] = "00:00:00.250", ["Jobs__PollInterval"] = "00:00:00.100",
            ["Scheduler__Enabled"] = "false",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Outbound__AllowedPrivateHosts__0"] = "127.0.0.1",
            ["Integrations__OpenAi__BaseUrl"] = _embeddingsUrl,
            ["Integrations__OpenAi__EmbeddingModel"] = "kill-embed",
            ["Integrations__OpenAi__ApiKey"] = "test-key",
        };
        foreach (var (k, v) in env) start.Environment[k] = v;
        var process = Process.Start(start)!;
        var log = new ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) log.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) log.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var instance = new Instance(process, $"http://127.0.0.1:{port}", log);
        lock (_instances) _instances.Add(instance);

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (true)
        {
            Assert.False(process.HasExited, $"instance on port {port} exited:\n{string.Join('\n', log)}");
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(90), $"instance on port {port} not ready after 90 s:\n{string.Join('\n', log)}");
            try
            {
                if ((await http.GetAsync($"{instance.Url}/readyz")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(200);
        }
    }

    static int FreePort()
    {
        var l = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    public async Task DisposeAsync()
    {
        _answer.TrySetResult();
        foreach (var i in _instances)
        {
            try { if (!i.Process.HasExited) i.Process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            await i.Process.WaitForExitAsync();
            i.Process.Dispose();
        }
        if (_embeddings is not null) await _embeddings.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        if (_db != "") await TestCluster.DropDatabaseAsync(_db);
    }

    sealed record JobState(long Id, string Status, int Attempts, string? LockedBy);

    async Task<JobState?> PipelineJobAsync()
    {
        await using var conn = new NpgsqlConnection(_db);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(
            "select id, status, attempts, locked_by from platform.jobs where type = $1 order by id desc limit 1", conn);
        cmd.Parameters.Add(new NpgsqlParameter { Value = PipelineJob });
        await using var r = await cmd.ExecuteReaderAsync();
        if (!await r.ReadAsync()) return null;
        return new JobState(r.GetInt64(0), r.GetString(1), r.GetInt32(2), r.IsDBNull(3) ? null : r.GetString(3));
    }

    static int PidOf(string lockedBy) => int.Parse(lockedBy.Split(':')[^3], System.Globalization.CultureInfo.InvariantCulture);

    async Task<JobState> WaitForAsync(Func<JobState, bool> done, TimeSpan within, string what)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (await PipelineJobAsync() is { } job && done(job)) return job;
            if (clock.Elapsed > within)
                Assert.Fail($"{what}: not within {within.TotalSeconds} s; job {await PipelineJobAsync()}\n" +
                            string.Join("\n", _instances.Select(i => $"--- {i.Url}\n" + string.Join('\n', i.Log.TakeLast(20)))));
            await Task.Delay(50);
        }
    }

    HttpClient Client(Instance i)
    {
        var c = new HttpClient { BaseAddress = new Uri(i.Url), Timeout = TimeSpan.FromSeconds(30) };
        c.DefaultRequestHeaders.Add("X-Merchant-ID", Shopper.Demo.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return c;
    }

    [Fact]
    public async Task Killing_the_instance_that_runs_a_job_hands_the_job_to_another_after_its_lease()
    {
        using var writer = Client(_instances[0]);
        writer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Seeder.DemoApiKey);
        var row = """{"product_id":"KILL-1","product_name":"Lease Handover Linen Shirt","price":"64.00","price_numeric":64.0,"image1":"https://cdn.example.com/i/kill1.jpg","color":"sand"}""";
        var ingest = await writer.PostAsync("/shopper/api/v1/ingest/products", new StringContent(row, new UTF8Encoding(false), "application/x-ndjson"));
        Assert.Equal(HttpStatusCode.OK, ingest.StatusCode);

        // mid-job: some instance claimed the pipeline run and is waiting inside its embeddings step
        var running = await WaitForAsync(j => j is { Status: "running", LockedBy: not null } && Volatile.Read(ref _embeddingCalls) > 0,
            TimeSpan.FromSeconds(30), "the pipeline job running inside its embeddings call");
        Assert.Equal(1, running.Attempts);
        var victim = _instances.Single(i => i.Process.Id == PidOf(running.LockedBy!));
        victim.Process.Kill(entireProcessTree: true);   // SIGKILL: no shutdown hook releases the job
        await victim.Process.WaitForExitAsync();
        var killed = Stopwatch.StartNew();

        // another instance claims it once the lease has run out (lease + sweep), attempt 2
        var taken = await WaitForAsync(j => j is { Status: "running", Attempts: 2, LockedBy: not null }, TimeSpan.FromSeconds(20),
            "the job claimed again by a surviving instance");
        var handover = killed.Elapsed;
        var survivor = _instances.Single(i => i.Process.Id == PidOf(taken.LockedBy!));
        Assert.NotSame(victim, survivor);
        Assert.False(survivor.Process.HasExited);
        Assert.True(handover < Lease + TimeSpan.FromSeconds(5), $"hand-over took {handover.TotalSeconds:0.00} s with a {Lease.TotalSeconds} s lease");
        output.WriteLine($"killed pid {victim.Process.Id}; job {taken.Id} taken by pid {survivor.Process.Id} after {handover.TotalSeconds:0.00} s (lease {Lease.TotalSeconds} s)");

        _answer.TrySetResult();
        var finished = await WaitForAsync(j => j.Status is "succeeded" or "failed", TimeSpan.FromSeconds(30), "the handed-over job finishing");
        Assert.Equal("succeeded", finished.Status);
        Assert.Equal(2, finished.Attempts);

        // what a client polls says the same, on any surviving instance, and the product is searchable
        foreach (var i in _instances.Where(i => i != victim))
        {
            using var c = Client(i);
            var state = (await c.Send(HttpMethod.Get, $"/api/v1/pipeline/status/{Shopper.Demo}")).Body;
            Assert.Equal("completed", (string?)state["status"]);
            var found = Shopper.Ids((await c.Post("/api/v0/product/search/text", new { query_str = "lease handover linen shirt" })).Body["results"]!["data"]!);
            Assert.Contains("KILL-1", found);
        }
    }
}
