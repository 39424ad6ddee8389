using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;
using Microsoft.Extensions.Options;

namespace Api.Features.Wholesale.SalesCallingList.AddEntry;

/// <summary>
/// Adds a prospect; a rep's new entry is assigned to them. The phone is the entry's identity: a listed phone is 409. A number on
/// the do-not-call list (<c>wholesale.do_not_call</c>, issue 16) is refused with 409 <c>CallingList.DoNotCall</c>.
/// </summary>
sealed class Handler(AppDb db, IOptions<CallingListOptions> options) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string InsertSql = Sql.Load<Handler>("AddEntry.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var rows = await db.QueryToListAsync<Added>(InsertSql, new
        {
            Phone = Phones.ToE164(req.Phone), CompanyName = Blank(req.CompanyName), ContactName = Blank(req.ContactName),
            Email = Blank(req.Email), Address = Blank(req.Address), Notes = Blank(req.Notes),
            Score = req.PriorityScore ?? options.Value.DefaultScore, Status = string.IsNullOrEmpty(req.Status) ? "new" : req.Status,
            AssignedTo = req.RepId, req.StaffId,
        }, ct);
        if (rows is [{ DoNotCall: true }])
            return Error.Conflict("CallingList.DoNotCall", "This number is on the do-not-call list; it cannot be added to the calling list");
        if (rows is not [{ Id: { } id }])
            return Error.Conflict("CallingList.DuplicatePhone", "An entry with this phone number is already on the calling list");
        var entry = (await db.QueryToListAsync<Entry>(CallingList.SelectEntry + " where e.id = @Id", new { Id = id }, ct))[0];
        return new Response(true, entry);
    }

    static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    sealed class Added { public bool DoNotCall { get; init; } public long? Id { get; init; } }
}
