using System.Text.Json;
using Api.Infrastructure.Database;
using ErrorOr;
using Mediator;

namespace Api.Features.Wholesale.Voice.GetCustomer;

/// <summary>The caller by phone with their five most recent orders; an unknown number is <c>found: false</c> (200), as documented.</summary>
sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<JsonElement>>
{
    static readonly string Query = $"""
        with c as ({VoiceKit.CustomerByPhone})
        select json_build_object('success', true, 'found', true, 'customer', json_build_object(
            'id', c.id, 'name', nullif(trim(concat_ws(' ', c.first_name, c.last_name)), ''), 'company', c.company_name,
            'email', c.email, 'phone', c.phone, 'payment_terms', c.payment_terms, 'approved_for_terms', c.account_approved,
            'recent_orders', coalesce((select json_agg(r order by r.date desc) from (
                select o.order_number, o.status, o.total_amount as total, o.created_at as date,
                       (select count(*) from wholesale.order_items i where i.order_id = o.id) as item_count
                  from wholesale.orders o where o.customer_id = c.id and o.deleted_at is null
                 order by o.created_at desc limit 5) r), '[]')))::text
        from c
        """;

    public async ValueTask<ErrorOr<JsonElement>> Handle(Request req, CancellationToken ct)
    {
        var phone = VoiceKit.Phone(req.Phone, req.PhoneNumber);
        if (phone.IsError) return phone.Errors;
        return await VoiceKit.JsonAsync(db, Query, new { Phone = phone.Value }, ct)
            ?? VoiceKit.ToJson(new { success = true, found = false, customer = (object?)null, message = "I couldn't find an account for that number." });
    }
}
