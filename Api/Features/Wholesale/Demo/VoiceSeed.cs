using Npgsql;

namespace Api.Features.Wholesale.Demo;

/// <summary>
/// Demo voice data (issue 16), so the voice samples have something to show: two configured assistants (1 "Inbound order
/// agent", 2 "Outbound sales agent"); 18 inbound calls of agent 1 over the last 20 days from restaurants 2 to 19 — 12 scored
/// 35 to 57 by the local evaluator with their reasons (the review queue, and enough for optimize-agent's default
/// <c>min_calls</c> of 10), 6 scored 90+ and already reviewed, three of those having placed that restaurant's latest order;
/// two outbound call outcomes; one number on the do-not-call list (<c>+13125550199</c>). Call log ids start at 1 on a fresh
/// database; the demo bistro's phone is <see cref="Seeder.DemoPhone"/>.
/// </summary>
static class VoiceSeed
{
    public static async Task SeedAsync(NpgsqlConnection conn, NpgsqlTransaction tx, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            insert into wholesale.voice_agents (name, platform_agent_id, system_prompt) values
              ('Inbound order agent', 'agent_demo_inbound',
               'You are the phone ordering assistant of LLD Restaurant Supply. Identify the caller with get_customer, look up products with get_products, read back the priced preview from place_order (confirmed false) and place the order only after the caller says yes.'),
              ('Outbound sales agent', 'agent_demo_outbound',
               'You call restaurants from the call queue to offer a reorder. Be brief, mention their usual products, and log every outcome with log_outbound_call_outcome.');

            with calls as (
                select g as n, c.id as customer_id, c.phone, c.company_name,
                       now() - make_interval(days => 1 + (g * 7) % 20, hours => g % 9) as at,
                       g <= 12 as bad
                  from generate_series(1, 18) g
                  join wholesale.customers c on c.id = g + 1
            ), lastorder as (
                select distinct on (o.customer_id) o.customer_id, o.id, o.order_number, o.total_amount
                  from wholesale.orders o where o.customer_id in (select customer_id from calls)
                 order by o.customer_id, o.created_at desc
            )
            insert into wholesale.call_log (call_id, call_type, direction, agent_id, sub_agent_name, caller_phone, customer_id, status,
                                            duration_seconds, start_time, end_time, transcript, order_placed, order_number, order_id, tool_outputs,
                                            eval_status, eval_score, eval_hallucination, eval_resolved, eval_escalation_needed, eval_dnc_violation,
                                            eval_reasons, eval_summary, eval_method, evaluated_at, eval_reviewed_by, eval_reviewed_at, created_at)
            select 'conv_demo_' || lpad(c.n::text, 4, '0'), 'inbound_order', 'inbound', 1, 'Order Taker', c.phone, c.customer_id, 'done',
                   60 + c.n * 23, c.at, c.at + make_interval(secs => 60 + c.n * 23),
                   case when c.bad and c.n % 3 = 0 then E'Agent: Thanks for calling LLD Restaurant Supply.\nCaller: I want to speak to a manager about my last delivery.\nAgent: I can help you place an order.'
                        when c.bad and c.n % 3 = 1 then E'Agent: Thanks for calling LLD Restaurant Supply.\nCaller: How much is the fryer oil?\nAgent: The fryer oil is $24.99 a case.'
                        when c.bad then E'Agent: Thanks for calling.\nCaller: Where is my order?\nAgent: Sorry, I could not find it.'
                        else E'Agent: Thanks for calling LLD Restaurant Supply.\nCaller: Same as last time, please.\nAgent: Your order ' || coalesce(lo.order_number, '') || ' is placed.' end,
                   not c.bad and c.n % 2 = 0, case when not c.bad and c.n % 2 = 0 then lo.order_number end,
                   case when not c.bad and c.n % 2 = 0 then lo.id end,
                   case when c.bad and c.n % 3 = 2 then '[{"success": false, "message": "No order found"}]'::jsonb
                        else jsonb_build_array(jsonb_build_object('success', true, 'order_number', lo.order_number, 'total', lo.total_amount)) end,
                   case when c.bad then 'complete' else 'reviewed' end,
                   case when c.bad then 35 + c.n * 2 else 90 + c.n % 10 end,
                   c.bad and c.n % 3 = 1, not (c.bad and c.n % 3 = 2), c.bad and c.n % 3 = 0, false,
                   case when c.bad and c.n % 3 = 0 then '["the caller asked for a person or complained and was not transferred or promised a call back", "the call ended without an order or a successful lookup"]'::jsonb
                        when c.bad and c.n % 3 = 1 then '["price $24.99 was said but no tool returned it"]'::jsonb
                        when c.bad then '["the call ended without an order or a successful lookup"]'::jsonb
                        else '[]'::jsonb end,
                   case when c.bad then 'Demo call with problems for the review queue.' else 'No problems found.' end,
                   'local', c.at + interval '5 minutes',
                   case when not c.bad then 'staff:1' end, case when not c.bad then c.at + interval '1 day' end, c.at
              from calls c left join lastorder lo on lo.customer_id = c.customer_id
             order by c.n;

            insert into wholesale.outbound_call_log (customer_id, phone, outcome, customer_name, callback_date, notes, logged_by, created_at)
            select c.id, c.phone, o.outcome, c.company_name, o.callback, o.notes, 'staff:4', now() - interval '3 days'
              from (values (30, 'interested_callback', current_date + 2, 'Wants a callback about fryer oil pricing'),
                           (31, 'not_interested', null::date, 'Happy with their current supplier')) o(customer_id, outcome, callback, notes)
              join wholesale.customers c on c.id = o.customer_id;

            insert into wholesale.do_not_call (phone, reason, created_by) values ('+13125550199', 'demo: asked not to be called', 'staff:1')
            on conflict do nothing;
            """, conn, tx);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
