using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.StaffOrders.UpdateAddress;

/// <summary><c>updated_fields</c> lists the fields whose value actually changed (phones compared in E.164); nothing changed writes nothing.</summary>
sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string AddressSql = Sql.Load<Handler>("Address.sql");
    static readonly string UpdateSql = Sql.Load<Handler>("Update.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var caller = req.Caller;
        await using var tx = await db.BeginTransactionAsync(ct);
        var found = await StaffOrderAccess.FindAsync(db, req.OrderId, caller, ct, lockRow: true);
        if (found.IsError) return found.Errors;
        if (found.Value.Status is "shipped" or "delivered" or "cancelled")
            return Error.Conflict("Order.AddressLocked", $"the delivery address of a {found.Value.Status} order cannot change",
                new Dictionary<string, object> { ["status"] = found.Value.Status });
        var now = (await db.QueryToListAsync<Response.OrderView>(AddressSql, new { Id = req.OrderId }, ct)).Single();

        var changed = new List<string>();
        string? Pick(string field, string? sent, string? current, bool required = false)
        {
            if (sent is null) return current;
            var value = sent.Trim() is { Length: > 0 } t ? t : null;
            if (value is null && required) return current;
            if (!string.Equals(value, current, StringComparison.Ordinal)) changed.Add(field);
            return value;
        }
        var next = new Response.OrderView
        {
            Id = now.Id,
            DeliveryName = Pick("delivery_name", req.DeliveryName, now.DeliveryName, true),
            DeliveryFirstName = Pick("delivery_first_name", req.DeliveryFirstName, now.DeliveryFirstName),
            DeliveryLastName = Pick("delivery_last_name", req.DeliveryLastName, now.DeliveryLastName),
            DeliveryCompany = Pick("delivery_company", req.DeliveryCompany, now.DeliveryCompany),
            DeliveryAddress = Pick("delivery_address", req.DeliveryAddress, now.DeliveryAddress, true),
            DeliveryCity = Pick("delivery_city", req.DeliveryCity, now.DeliveryCity, true),
            DeliveryState = Pick("delivery_state", req.DeliveryState, now.DeliveryState, true),
            DeliveryZip = Pick("delivery_zip", req.DeliveryZip, now.DeliveryZip, true),
            DeliveryPhone = Pick("delivery_phone", req.DeliveryPhone is null ? null : req.DeliveryPhone.Trim() == "" ? "" : Phones.ToE164(req.DeliveryPhone),
                now.DeliveryPhone),
            DeliveryEmail = Pick("delivery_email", req.DeliveryEmail, now.DeliveryEmail),
        };
        if (next.DeliveryEmail is not null && now.DeliveryEmail is not null && string.Equals(next.DeliveryEmail, now.DeliveryEmail, StringComparison.OrdinalIgnoreCase))
            changed.Remove("delivery_email");
        if (changed.Count == 0) return new Response(true, now, changed);

        await db.ExecuteAsync(UpdateSql, new
        {
            next.Id, next.DeliveryName, next.DeliveryFirstName, next.DeliveryLastName, next.DeliveryCompany, next.DeliveryAddress,
            next.DeliveryCity, next.DeliveryState, next.DeliveryZip, next.DeliveryPhone, next.DeliveryEmail,
            ActorKind = caller.ActorKind, ActorId = caller.Id, Fields = string.Join(", ", changed),
        }, ct);
        await tx.CommitAsync(ct);
        return new Response(true, next, changed);
    }
}
