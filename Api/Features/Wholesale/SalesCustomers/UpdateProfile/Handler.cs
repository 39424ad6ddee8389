using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;
using Npgsql;

namespace Api.Features.Wholesale.SalesCustomers.UpdateProfile;

/// <summary>Updates the sent fields and, in the same transaction, the delivery details of the customer's open orders
/// (<c>updated_orders</c> counts them). Every change is in the audit log with who made it.</summary>
sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string UpdateSql = Sql.Load<Handler>("Update.sql");
    static readonly string FollowSql = Sql.Load<Handler>("FollowOrders.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        static string? T(string? s) => s?.Trim();
        var args = new
        {
            req.CustomerId,
            SetFirst = req.FirstName is not null, First = NullIfEmpty(T(req.FirstName)),
            SetLast = req.LastName is not null, Last = NullIfEmpty(T(req.LastName)),
            SetCompany = req.CompanyName is not null, Company = NullIfEmpty(T(req.CompanyName)),
            SetEmail = req.Email is not null, Email = NullIfEmpty(T(req.Email)),
            SetPhone = req.Phone is not null, Phone = Phones.ToE164(req.Phone),
            SetPhone2 = req.Phone2 is not null, Phone2 = Phones.ToE164(req.Phone2),
            SetShipping = req.ShippingAddress is not null, Shipping = NullIfEmpty(T(req.ShippingAddress)),
            SetBilling = req.BillingAddress is not null, Billing = NullIfEmpty(T(req.BillingAddress)),
            SetLanguage = req.PreferredLanguage is not null, Language = NullIfEmpty(T(req.PreferredLanguage)),
        };
        await using var tx = await db.BeginTransactionAsync(ct);
        List<Response> rows;
        try { rows = await db.QueryToListAsync<Response>(UpdateSql, args, ct); }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return Error.Conflict("Customer.EmailTaken", "Another account already uses this email");
        }
        if (rows is not [var row]) return Error.NotFound("Customer.NotFound", "Customer not found");
        row.UpdatedOrders = await db.ExecuteAsync(FollowSql, args, ct);
        await db.ExecuteAsync("""
            insert into wholesale.audit_log (actor_kind, actor_id, action, entity, entity_id, details)
            values ('staff', @ActorId, 'sales_profile_update', 'customer', @Id, cast(@Details as jsonb))
            """, new { ActorId = req.Caller.Id, Id = req.CustomerId.ToString(), Details = $"{{\"updated_orders\": {row.UpdatedOrders}}}" }, ct);
        await tx.CommitAsync(ct);
        return row;
    }

    static string? NullIfEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;
}
