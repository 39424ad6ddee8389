using Api.Infrastructure.Auth;
using Api.Infrastructure.Database;
using Api.Infrastructure.Security;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.Admin.VerifyKey;

sealed class Handler(AppDb db, WholesaleKeyUsage usage) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string VerifySql = Sql.Load<Handler>("VerifyKey.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        if (await db.QueryToListAsync<Row>(VerifySql, new { KeyHash = Hashing.HashApiKey(req.RawKey!.Trim()) }, ct) is not [var row])
            return new Response(false, "not_found", null);
        if (row.Reason == "valid") usage.Count(row.Id);   // "updates last_used_at and use_count", through the batched counter
        await usage.FlushAsync(ct);
        return new Response(row.Reason == "valid", row.Reason, await KeyView.LoadAsync(db, row.Id, ct));
    }

    sealed class Row
    {
        public long Id { get; init; }
        public string Reason { get; init; } = "";
    }
}
