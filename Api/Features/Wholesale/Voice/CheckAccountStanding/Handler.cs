using System.Text.Json;
using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using ErrorOr;
using Mediator;

namespace Api.Features.Wholesale.Voice.CheckAccountStanding;

/// <summary>The caller's terms, credit, balance and overdue items as <see cref="Standing"/> defines them; unknown number: 404.</summary>
sealed class Handler(AppDb db, BusinessClock clock) : IRequestHandler<Request, ErrorOr<JsonElement>>
{
    static readonly string Query = $"""
        with ids as (select c.id from wholesale.customers c where c.phone = @Phone and c.deleted_at is null and c.merged_into is null
                      order by (c.kind = 'account') desc, c.id limit 1),
        {Standing.Cte}
        select json_build_object('success', true, 'approved_for_terms', cr.account_approved and cr.payment_terms = 'net30',
            'payment_terms', cr.payment_terms, 'has_overdue', cr.overdue_count > 0, 'overdue_amount', cr.overdue_amount,
            'overdue_invoice_count', cr.overdue_count, 'credit_limit', cr.credit_limit,
            'available_credit', greatest(cr.credit_limit - cr.balance, 0), 'customer_id', cr.customer_id, 'company_name', c.company_name,
            'current_balance', cr.balance, 'account_status', cr.credit_status,
            'overdue_orders', coalesce((select json_agg(json_build_object('order_number', n.order_number, 'amount_due', n.due, 'due_date', n.due_date,
                    'days_overdue', @Today - n.due_date) order by n.due_date) from net_due n where n.due_date < @Today), '[]'),
            'overdue_invoices', coalesce((select json_agg(json_build_object('invoice_number', i.invoice_number, 'amount_due', i.due, 'due_date', i.due_date)
                    order by i.due_date) from inv i where i.status = 'overdue' or i.due_date < @Today), '[]'),
            'message', case cr.credit_status when 'good' then 'The account is in good standing for Net 30.'
                            when 'overdue' then 'The account has an overdue balance; card or check payment is needed.'
                            else 'The account is not approved for Net 30 terms; card or check payment is needed.' end)::text
        from credit cr join wholesale.customers c on c.id = cr.customer_id
        """;

    public async ValueTask<ErrorOr<JsonElement>> Handle(Request req, CancellationToken ct)
    {
        var phone = VoiceKit.Phone(req.Phone, req.PhoneNumber);
        if (phone.IsError) return phone.Errors;
        return await VoiceKit.JsonAsync(db, Query, new { Phone = phone.Value, Today = clock.Today }, ct)
            ?? (ErrorOr<JsonElement>)Error.NotFound("Customer.NotFound", "I couldn't find an account for that number.");
    }
}
