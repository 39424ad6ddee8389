using System.Text.Json;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.Voice.LogOutboundCallOutcome;

/// <summary>
/// One row in <c>wholesale.outbound_call_log</c> (cooldown and last-call data for the call queue), in one transaction with:
/// <c>dnc_requested</c> → <c>do_not_call = true</c> on every live customer with the number, and the number on
/// <c>wholesale.do_not_call</c> (so imports and new rows honour it even without a customer); <c>checker_verdict: fail</c> → a
/// review entry in <c>wholesale.call_log</c> (<c>outbound_sales</c>, score 0, the reasons and transcript) returned as <c>review_queue_id</c>.
/// </summary>
sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<JsonElement>>
{
    public async ValueTask<ErrorOr<JsonElement>> Handle(Request req, CancellationToken ct)
    {
        var phoneOr = VoiceKit.Phone(req.Phone, null, field: "phone");
        if (phoneOr.IsError) return phoneOr.Errors;
        var phone = phoneOr.Value!;
        var reasons = JsonSerializer.Serialize(req.CheckerReasons ?? []);
        await using var tx = await db.BeginTransactionAsync(ct);
        var customer = (await db.QueryToListAsync<CustomerRow>("""
            select c.id as "Id", coalesce(c.company_name, nullif(trim(concat_ws(' ', c.first_name, c.last_name)), '')) as "Name"
              from wholesale.customers c where c.phone = @Phone and c.deleted_at is null and c.merged_into is null
             order by (c.kind = 'account') desc, c.id limit 1
            """, new { Phone = phone }, ct)).FirstOrDefault();
        var name = customer?.Name ?? (string.IsNullOrWhiteSpace(req.CustomerName) ? phone : req.CustomerName.Trim());
        var outboundId = (await db.QueryToListAsync<long>("""
            insert into wholesale.outbound_call_log (customer_id, phone, outcome, customer_name, order_number, callback_date, notes, items_discussed,
                                                     procurement_interest, checker_verdict, checker_reasons, transcript_url, logged_by)
            values (@CustomerId, @Phone, @Outcome, @Name, @OrderNumber, @CallbackDate, @Notes, @Items, @Procurement, @Verdict, cast(@Reasons as jsonb), @Transcript, @Actor)
            returning id
            """, new
        {
            CustomerId = customer?.Id, Phone = phone, req.Outcome, Name = name, OrderNumber = req.OrderNumber?.Trim(),
            CallbackDate = req.CallbackDate is { } d ? DateOnly.ParseExact(d, "yyyy-MM-dd") : (DateOnly?)null,
            req.Notes, Items = req.ItemsDiscussed, Procurement = req.ProcurementInterest ?? false, Verdict = req.CheckerVerdict,
            Reasons = reasons, Transcript = req.TranscriptUrl, req.Actor,
        }, ct)).Single();
        if (req.Outcome == "dnc_requested")
            await db.ExecuteAsync("""
                update wholesale.customers set do_not_call = true, updated_at = now() where phone = @Phone and deleted_at is null and not do_not_call;
                insert into wholesale.do_not_call (phone, reason, created_by) values (@Phone, 'dnc_requested on an outbound call', @Actor)
                on conflict (phone) do nothing;
                """, new { Phone = phone, req.Actor }, ct);
        long? reviewId = null;
        if (req.CheckerVerdict == "fail")
            reviewId = (await db.QueryToListAsync<long>("""
                insert into wholesale.call_log (call_type, direction, caller_phone, customer_id, sub_agent_name, status, eval_status, eval_score,
                                                eval_hallucination, eval_escalation_needed, eval_reasons, checker_verdict, checker_reasons,
                                                transcript_url, outbound_call_id, eval_method, evaluated_at)
                values ('outbound_sales', 'outbound', @Phone, @CustomerId, 'Outbound Sales', 'done', 'complete', 0, null, false,
                        cast(@Reasons as jsonb), 'fail', cast(@Reasons as jsonb), @Transcript, @OutboundId, 'checker', now())
                returning id
                """, new { Phone = phone, CustomerId = customer?.Id, Reasons = reasons, Transcript = req.TranscriptUrl, OutboundId = outboundId }, ct)).Single();
        await tx.CommitAsync(ct);

        var message = req.Outcome switch
        {
            "sale_made" => $"{name} placed an order. Great work!",
            "dnc_requested" => $"{name} will not be called again.",
            "interested_callback" or "busy_callback" => req.CallbackDate is { } cb ? $"Callback for {name} scheduled on {cb}." : $"Callback for {name} noted.",
            _ => $"Call outcome '{req.Outcome}' logged for {name}.",
        };
        if (reviewId is not null) message = $"Call outcome '{req.Outcome}' logged for {name}.";
        return VoiceKit.ToJson(new { success = true, message, review_queue_id = reviewId, outbound_call_id = outboundId });
    }

    sealed class CustomerRow { public long Id { get; init; } public string? Name { get; init; } }
}
