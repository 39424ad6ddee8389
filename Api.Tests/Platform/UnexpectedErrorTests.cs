using System.Collections.Concurrent;
using System.Net;
using Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Api.Tests.Platform;

public sealed class LogCapturingFactory : ApiFactory
{
    public readonly ConcurrentQueue<(string Message, Dictionary<string, object?> Scope)> Entries = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.AddSingleton<ILoggerProvider>(new Provider(this)));
    }

    sealed class Provider(LogCapturingFactory f) : ILoggerProvider, ISupportExternalScope
    {
        IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();
        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;
        public ILogger CreateLogger(string categoryName) => new Logger(f, this);
        public void Dispose() { }

        sealed class Logger(LogCapturingFactory f, Provider p) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => p._scopes.Push(state);
            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;
            public void Log<TState>(LogLevel level, EventId id, TState state, Exception? e, Func<TState, Exception?, string> format)
            {
                var scope = new Dictionary<string, object?>();
                p._scopes.ForEachScope((s, d) =>
                {
                    if (s is IEnumerable<KeyValuePair<string, object>> kvs) foreach (var kv in kvs) d[kv.Key] = kv.Value;
                }, scope);
                f.Entries.Enqueue((format(state, e), scope));
            }
        }
    }
}

public sealed class UnexpectedErrorTests(LogCapturingFactory api) : IClassFixture<LogCapturingFactory>
{
    [Fact]
    public async Task An_unhandled_exception_is_a_500_in_the_envelope_with_the_request_id_and_a_log_entry_carrying_it()
    {
        var req = new HttpRequestMessage(HttpMethod.Get, "/platform/v1/test-only/boom") { Headers = { { "X-Request-ID", "trace-me-42" } } };
        var rsp = await api.CreateClient().SendAsync(req);

        Assert.Equal(HttpStatusCode.InternalServerError, rsp.StatusCode);
        Assert.Equal("trace-me-42", rsp.Headers.GetValues("X-Request-ID").Single());
        var body = await rsp.Content.ReadAsStringAsync();
        Assert.Contains("\"request_id\":\"trace-me-42\"", body);
        Assert.Contains("INTERNAL_ERROR", body);
        Assert.DoesNotContain("secret detail", body);
        Assert.Contains(api.Entries, e => e.Scope.TryGetValue("RequestId", out var id) && (string?)id == "trace-me-42");
    }
}
