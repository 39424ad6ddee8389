using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.SalesCallingList.BatchAssign;

/// <summary>Assigns the listed entries to an active sales rep, manager or admin (else 400), or unassigns them with a null assignee.</summary>
sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string AssignSql = Sql.Load<Handler>("BatchAssign.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        if (req.AssigneeId is { } id && await db.QueryToListAsync<long>(
                "select id from wholesale.staff_users where id = @id and is_active and role in ('sales_rep', 'manager', 'admin')", new { id }, ct) is [])
            return Error.Validation("assignee_id", "must be an active sales rep, manager or admin", new() { ["field"] = "assignee_id" });
        var updated = await db.ExecuteAsync<int>(AssignSql, new { Ids = req.Ids!.Distinct().ToArray(), req.AssigneeId }, ct);
        return new Response(true, updated);
    }
}
