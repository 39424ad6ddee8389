using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using ErrorOr;
using Mediator;

namespace Api.Features.Wholesale.StaffCredit.IssueCredit;

/// <summary>Ledger reason <c>issue</c> for a positive amount, <c>deduct</c> for a negative one; the note is the why.</summary>
sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<Response>>
{
    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var caller = req.Caller;
        if (caller.Role == "sales_rep") return Error.Forbidden("Staff.SalesRepCannotMoveMoney", "Sales reps cannot issue or deduct store credit");
        var amount = req.Amount!.Value;
        var note = string.IsNullOrWhiteSpace(req.Note) ? null : req.Note.Trim();
        var entry = await StoreCredit.ChangeAsync(db, req.UserId, amount, amount > 0 ? "issue" : "deduct", null, caller.ActorKind, caller.Id, note, ct);
        if (entry.IsError)
            return entry.FirstError.Code == "StoreCredit.CustomerNotFound" ? Error.NotFound("Customer.NotFound", "Customer not found") : entry.Errors;
        return new Response(true, entry.Value.BalanceAfter, entry.Value);
    }
}
