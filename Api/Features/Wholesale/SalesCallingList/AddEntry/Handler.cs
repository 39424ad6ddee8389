using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;
using Microsoft.Extensions.Options;

namespace Api.Features.Wholesale.SalesCallingList.AddEntry;

/// <summary>Adds a prospect; a rep's new entry is assigned to them. The phone is the entry's identity: a listed phone is 409.</summary>
sealed class Handler(AppDb db, IOptions<CallingListOptions> options) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string InsertSql = Sql.Load<Handler>("AddEntry.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var ids = await db.QueryToListAsync<long>(InsertSql, new
        {
            Phone = Phones.ToE164(req.Phone), CompanyName = Blank(req.CompanyName), ContactName = Blank(req.ContactName),
            Email = Blank(req.Email), Address = Blank(req.Address), Notes = Blank(req.Notes),
            Score = req.PriorityScore ?? options.Value.DefaultScore, Status = string.IsNullOrEmpty(req.Status) ? "new" : req.Status,
            AssignedTo = req.RepId, req.StaffId,
        }, ct);
        if (ids is not [var id])
            return Error.Conflict("CallingList.DuplicatePhone", "An entry with this phone number is already on the calling list");
        var entry = (await db.QueryToListAsync<Entry>(CallingList.SelectEntry + " where e.id = @Id", new { Id = id }, ct))[0];
        return new Response(true, entry);
    }

    static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
