using System.Text.Json;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;
using Npgsql;

namespace Api.Features.Wholesale.StaffCustomers.Merge;

/// <summary>
/// Moves every row that references the merged customer by a foreign key, table by table, as pg_catalog lists them (cached,
/// re-read when the set of foreign keys changes), so tables other issues add later are covered without touching this slice.
/// Explicit cases: customer_sessions are revoked, not moved (a merged login must not sign in as the survivor);
/// customers.merged_into (accounts merged into the merged one earlier) is re-pointed to the survivor.
/// </summary>
sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string ReferencesSql = Sql.Load<Handler>("References.sql");
    static readonly string FinishSql = Sql.Load<Handler>("Finish.sql");
    static readonly string MarkMergedSql = Sql.Load<Handler>("MarkMerged.sql");
    static (string Fingerprint, List<Reference> Refs)? _cache;

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        long keep = req.KeepId!.Value, merge = req.MergeId!.Value;
        await using var tx = await db.BeginTransactionAsync(ct);
        var locked = await db.QueryToListAsync<long>("""
            select id from wholesale.customers where id in (@Keep, @Merge) and deleted_at is null and merged_into is null order by id for update
            """, new { Keep = keep, Merge = merge }, ct);
        if (!locked.Contains(keep)) return Error.NotFound("Customer.NotFound", "Customer to keep not found", new Dictionary<string, object> { ["keep_id"] = keep });
        if (!locked.Contains(merge)) return Error.NotFound("Customer.NotFound", "Customer to merge not found", new Dictionary<string, object> { ["merge_id"] = merge });

        var moved = new Dictionary<string, long>();
        try
        {
            await db.ExecuteAsync("update wholesale.customer_sessions set revoked_at = now() where customer_id = @Merge and revoked_at is null", new { Merge = merge }, ct);
            foreach (var r in await ReferencesAsync(ct))
            {
                if (r.Table == "wholesale.customer_sessions") continue;
                var n = (await db.QueryToListAsync<long>("select wholesale.move_customer_rows(cast(@Table as regclass), cast(@Column as name), @Merge, @Keep, @RowByRow)",
                    new { r.Table, r.Column, Merge = merge, Keep = keep, r.RowByRow }, ct))[0];
                moved[$"{r.Table}.{r.Column}"] = n;
            }
            var credit = (await db.QueryToListAsync<decimal>(MarkMergedSql, new { Keep = keep, Merge = merge }, ct))[0];
            var rows = await db.QueryToListAsync<long>(FinishSql, new
            {
                Keep = keep, Merge = merge, req.StaffId, Credit = credit,
                SetFirst = req.Chosen?.FirstName is not null, FirstName = req.Chosen?.FirstName?.Trim(),
                SetLast = req.Chosen?.LastName is not null, LastName = req.Chosen?.LastName?.Trim(),
                SetCompany = req.Chosen?.CompanyName is not null, CompanyName = req.Chosen?.CompanyName?.Trim(),
                SetEmail = req.Chosen?.Email is not null, Email = req.Chosen?.Email?.Trim(),
                Moved = JsonSerializer.Serialize(moved),
            }, ct);
            if (rows is not [_]) throw new InvalidOperationException("merge finish wrote no row");
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return Error.Conflict("Customer.EmailTaken", "Another account uses the chosen email", new Dictionary<string, object> { ["duplicate_field"] = "email" });
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.ForeignKeyViolation or PostgresErrorCodes.CheckViolation)
        {
            return Error.Conflict("Customer.MergeBlocked", $"The merge could not move every record ({e.TableName ?? e.ConstraintName}); nothing was changed");
        }
        await tx.CommitAsync(ct);
        var kept = (await CustomerView.LoadAsync(db, keep, ct))!;
        return new Response(true, keep, merge, moved.GetValueOrDefault("wholesale.orders.customer_id"), kept.OrderCount, kept.TotalSpent, kept);
    }

    async Task<List<Reference>> ReferencesAsync(CancellationToken ct)
    {
        var fingerprint = (await db.QueryToListAsync<string>(
            "select count(*)::text || ':' || coalesce(sum(oid::text::bigint), 0)::text from pg_constraint where contype = 'f' and confrelid = 'wholesale.customers'::regclass",
            new { }, ct))[0];
        if (_cache is { } c && c.Fingerprint == fingerprint) return c.Refs;
        var refs = await db.QueryToListAsync<Reference>(ReferencesSql, new { }, ct);
        _cache = (fingerprint, refs);
        return refs;
    }

    sealed class Reference
    {
        public string Table { get; init; } = "";
        public string Column { get; init; } = "";
        public bool RowByRow { get; init; }
    }
}
