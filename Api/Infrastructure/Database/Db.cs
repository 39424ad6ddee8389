using System.Security.Cryptography;
using System.Text;
using LinqToDB;
using LinqToDB.DataProvider.PostgreSQL;
using Npgsql;

namespace Api.Infrastructure.Database;

/// <summary>
/// The database this instance talks to, known once start-up has run (<see cref="DatabaseStartup"/>): the owner connection
/// (migrations, seeding, maintenance) and the app connection (a login that is neither superuser nor owner, used by every request).
/// </summary>
public sealed class Db : IAsyncDisposable
{
    readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    NpgsqlDataSource? _app;
    NpgsqlDataSource? _owner;
    DataOptions? _options;

    public string OwnerConnectionString { get; private set; } = "";
    public string AppConnectionString { get; private set; } = "";
    public bool Embedded { get; private set; }
    public Task Ready => _ready.Task;

    public NpgsqlDataSource App => _app ?? throw NotReady();
    public NpgsqlDataSource Owner => _owner ?? throw NotReady();
    public DataOptions Options => _options ?? throw NotReady();

    internal void Open(string owner, string app, bool embedded, int maxPool, int maxAutoPrepare = 0)
    {
        OwnerConnectionString = owner;
        // statements a connection runs repeatedly are prepared by Npgsql after two uses (parse and plan once per connection)
        var csb = new NpgsqlConnectionStringBuilder(app) { MaxPoolSize = maxPool };
        if (maxAutoPrepare > 0 && csb.MaxAutoPrepare == 0) (csb.MaxAutoPrepare, csb.AutoPrepareMinUsages) = (maxAutoPrepare, 2);
        AppConnectionString = csb.ConnectionString;
        Embedded = embedded;
        _app = new NpgsqlDataSourceBuilder(AppConnectionString).Build();
        _owner = new NpgsqlDataSourceBuilder(owner).Build();
        var provider = PostgreSQLTools.GetDataProvider(PostgreSQLVersion.v15);
        _options = new DataOptions().UseConnectionFactory(provider, _ => _app.CreateConnection());
    }

    internal void MarkReady() => _ready.TrySetResult();
    internal void Fail(Exception e) => _ready.TrySetException(e);

    /// <summary>The app role's password, derived from the owner's so that every instance agrees without another secret.</summary>
    public static string DeriveAppPassword(string ownerConnectionString)
    {
        var csb = new NpgsqlConnectionStringBuilder(ownerConnectionString);
        var key = Encoding.UTF8.GetBytes($"{csb.Username}:{csb.Password}");
        return Convert.ToHexString(HMACSHA256.HashData(key, "slices-app-role"u8)).ToLowerInvariant();
    }

    static InvalidOperationException NotReady() => new("The database is not started yet.");

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        if (_owner is not null) await _owner.DisposeAsync();
    }
}
