using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;

namespace Api.Features.Wholesale.StaffSubscriptions;

/// <summary>
/// The subscription state machine: <c>pause</c> active → paused, <c>resume</c> paused → active, <c>cancel</c> active or paused →
/// cancelled (final). Any other move is 409 <c>Subscriptions.InvalidTransition</c> naming the current status.
/// </summary>
static class StatusMachine
{
    static readonly string MoveSql = Sql.Load(typeof(StatusMachine), "Move.sql");

    public sealed record Moved(string Status, DateOnly NextRenewalDate);

    public static async Task<ErrorOr<Moved>> MoveAsync(AppDb db, long id, string to, string[] from, string actor, DateOnly today, CancellationToken ct)
    {
        await using var tx = await db.BeginTransactionAsync(ct);
        var rows = await db.QueryToListAsync<Row>(MoveSql, new { Id = id, To = to, From = from, Actor = actor, Today = today.ToDateTime(TimeOnly.MinValue) }, ct);
        if (rows is not [var row]) return Error.NotFound("Subscriptions.NotFound", "Subscription not found");
        if (!row.Moved)
            return Error.Conflict("Subscriptions.InvalidTransition", $"A {row.Previous} subscription cannot be {Verb(to)}",
                new Dictionary<string, object> { ["status"] = row.Previous });
        await tx.CommitAsync(ct);
        return new Moved(to, DateOnly.FromDateTime(row.NextRenewalDate));
    }

    static string Verb(string to) => to switch { "paused" => "paused", "active" => "resumed", _ => "cancelled" };

    sealed class Row
    {
        public string Previous { get; init; } = "";
        public bool Moved { get; init; }
        public DateTime NextRenewalDate { get; init; }
    }
}
