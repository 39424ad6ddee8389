using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;
using Npgsql;

namespace Api.Features.Wholesale.StaffCustomers.UpdateCustomer;

sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string UpdateSql = Sql.Load<Handler>("UpdateCustomer.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        await using var tx = await db.BeginTransactionAsync(ct);
        var current = await db.QueryToListAsync<bool>(
            "select do_not_call from wholesale.customers where id = @UserId and deleted_at is null and merged_into is null for update", new { req.UserId }, ct);
        if (current is not [var dnc]) return Error.NotFound("Customer.NotFound", "Customer not found");
        var clearsDnc = dnc && req.DoNotCall == false;
        if (clearsDnc && !req.Caller.IsAdminOrManager)
            return Error.Forbidden("Customer.DoNotCall", "Only an admin or manager may clear do_not_call");
        try
        {
            await db.ExecuteAsync(UpdateSql, new
            {
                req.UserId,
                SetFirst = req.FirstName is not null, FirstName = req.FirstName?.Trim(),
                SetLast = req.LastName is not null, LastName = req.LastName?.Trim(),
                SetEmail = req.Email is not null, Email = req.Email?.Trim(),
                SetCompany = req.CompanyName is not null, CompanyName = req.CompanyName?.Trim(),
                SetPhone = req.Phone is not null, Phone = Phones.ToE164(req.Phone),
                SetPhone2 = req.Phone2 is not null, Phone2 = Phones.ToE164(req.Phone2),
                SetShipping = req.ShippingAddress is not null, ShippingAddress = req.ShippingAddress?.Trim(),
                SetBilling = req.BillingAddress is not null, BillingAddress = req.BillingAddress?.Trim(),
                SetLanguage = req.PreferredLanguage is not null, PreferredLanguage = req.PreferredLanguage is { Length: > 0 } l ? l : "en",
                SetDnc = req.DoNotCall is not null, DoNotCall = req.DoNotCall ?? false,
            }, ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return Error.Conflict("Customer.EmailTaken", "Another account uses this email", new Dictionary<string, object> { ["duplicate_field"] = "email" });
        }
        if (req.DoNotCall is { } newDnc && newDnc != dnc)
            await db.ExecuteAsync("""
                insert into wholesale.audit_log (actor_kind, actor_id, action, entity, entity_id, details)
                values (@Kind, @ActorId, @Action, 'customer', @Id, jsonb_build_object('do_not_call', @DoNotCall, 'role', @Role))
                """, new { Kind = req.Caller.ActorKind, ActorId = req.Caller.Id, Action = newDnc ? "do_not_call.set" : "do_not_call.cleared",
                           Id = req.UserId.ToString(System.Globalization.CultureInfo.InvariantCulture), DoNotCall = newDnc, req.Caller.Role }, ct);
        await tx.CommitAsync(ct);
        var c = (await CustomerView.LoadAsync(db, req.UserId, ct))!;
        return new Response(true, c.Id, c.Username, c.FirstName, c.LastName, c.Email, c.CompanyName, c.Phone, c.Phone2,
            c.ShippingAddress, c.BillingAddress, c.PreferredLanguage, c.DoNotCall);
    }
}
