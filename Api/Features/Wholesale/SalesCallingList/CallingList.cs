using System.Security.Claims;
using Api.Infrastructure.Auth;

namespace Api.Features.Wholesale.SalesCallingList;

/// <summary><c>Wholesale:Sales:CallingList:*</c>: score bounds, the priority segment and decay.</summary>
public sealed class CallingListOptions
{
    public const string Section = "Wholesale:Sales:CallingList";
    /// <summary>The document's CALLING_MIN and CALLING_MAX: default bounds of <c>score_min</c>/<c>score_max</c>.</summary>
    public double ScoreMin { get; set; } = 0;
    public double ScoreMax { get; set; } = 100;
    /// <summary>A new entry's score when none is given.</summary>
    public double DefaultScore { get; set; } = 50;
    /// <summary>priority segment: score at or above this and not called within <see cref="CooldownDays"/>.</summary>
    public double PriorityThreshold { get; set; } = 60;
    public int CooldownDays { get; set; } = 3;
    /// <summary>run-decay: a score halves every this many days since the entry's last score event.</summary>
    public double DecayHalfLifeDays { get; set; } = 30;
}

/// <summary>What every calling-list slice shares: who sees which entries, the entry's wire shape and the score events.</summary>
static class CallingList
{
    public static readonly string[] Statuses = ["new", "contacted", "interested", "callback", "not_interested", "converted", "do_not_call"];

    /// <summary>A sales rep sees and edits entries assigned to them or to nobody (their id); other staff roles see all (null).</summary>
    public static long? RepScope(ClaimsPrincipal user) => user.StaffRole() == "sales_rep" ? user.StaffId() : null;

    /// <summary>SQL condition on alias <c>e</c> with parameter <c>@RepId</c>.</summary>
    public const string Visible = "(cast(@RepId as bigint) is null or e.assigned_to = @RepId or e.assigned_to is null)";

    /// <summary>A rep's entries: assigned to them (<c>@RepId</c>) or to nobody. Appended only for a rep (no null test in the plan).</summary>
    public const string VisibleToRep = "(e.assigned_to = @RepId or e.assigned_to is null)";

    /// <summary>
    /// Do-not-call: the entry's status, or its linked customer's flag (alias e). The customers flagged are few (a partial index,
    /// 0024): the planner hashes them once, where a join to every customer would not let the list page through its index.
    /// Same truth as <c>e.status = 'do_not_call' or coalesce(c.do_not_call, false)</c> over a left join on the customer.
    /// </summary>
    public const string DoNotCall = "(e.status = 'do_not_call' or (e.customer_id is not null and e.customer_id in " +
                                    "(select dnc.id from wholesale.customers dnc where dnc.do_not_call)))";

    /// <summary>An entry's columns as <see cref="Entry"/> from aliases <c>e</c> (the entry) and <c>s</c> (its assignee).</summary>
    public const string EntryColumns = $"""
        e.id as "Id", e.customer_id as "CustomerId", e.first_name as "FirstName", e.last_name as "LastName",
               e.contact_name as "ContactName", e.company_name as "CompanyName", e.email::text as "Email", e.phone as "Phone",
               e.phone2 as "Phone2", e.address as "Address", e.notes as "Notes", e.assigned_to as "AssignedTo",
               nullif(trim(coalesce(s.first_name, '') || ' ' || coalesce(s.last_name, '')), '') as "AssignedToName",
               e.status as "Status", e.priority_score::float8 as "PriorityScore", e.last_called as "LastCalled",
               e.last_event as "LastEvent", e.last_event_at as "LastEventAt", e.last_order_at as "LastOrderAt",
               e.order_count as "OrderCount", e.reorder_interval_days::float8 as "ReorderIntervalDays",
               {DoNotCall} as "DoNotCall",
               e.source as "Source", e.created_at as "CreatedAt", e.updated_at as "UpdatedAt"
        """;

    /// <summary>Selects entries as <see cref="Entry"/> from alias <c>e</c>; callers append a where clause.</summary>
    public const string SelectEntry = $"""
        select {EntryColumns}
        from wholesale.calling_list e
        left join wholesale.staff_users s on s.id = e.assigned_to
        """;

    /// <summary>
    /// Segment conditions on alias e, with <c>@Threshold</c> and <c>@CooldownDays</c>. The threshold is compared as numeric (the
    /// column's type; a float8 comparison would cast every row's score and defeat the score index). The lapse point is twice the
    /// entry's usual reorder interval or 90 days, whichever comes first (90 days when the interval is unknown).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Segments = new Dictionary<string, string>
    {
        ["priority"] = $"not {DoNotCall} and e.priority_score >= cast(@Threshold as numeric) and (e.last_called is null or e.last_called < now() - make_interval(days => @CooldownDays))",
        ["window"] = $"not {DoNotCall} and e.reorder_interval_days is not null and e.last_order_at is not null " +
                     "and e.last_order_at <= now() - make_interval(secs => e.reorder_interval_days * 0.8 * 86400) " +
                     "and e.last_order_at > now() - make_interval(secs => least(e.reorder_interval_days * 2, 90) * 86400)",
        ["lapsed"] = $"not {DoNotCall} and e.last_order_at is not null " +
                     "and e.last_order_at <= now() - make_interval(secs => least(coalesce(e.reorder_interval_days * 2, 90), 90) * 86400)",
        ["called"] = "e.last_called >= now() - interval '7 days'",
        ["all"] = "true",
    };

    /// <summary>
    /// Score events and their weights (points added to the entry's score, which stays within 0-100). Documented in docs/wholesale.md.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, int> EventWeights = new Dictionary<string, int>
    {
        ["order_placed"] = 25,
        ["quote_requested"] = 15,
        ["callback_requested"] = 10,
        ["sms_reply"] = 8,
        ["call_answered"] = 5,
        ["email_clicked"] = 5,
        ["website_visit"] = 4,
        ["email_opened"] = 2,
        ["voicemail"] = -1,
        ["call_no_answer"] = -2,
        ["email_bounced"] = -10,
        ["not_interested"] = -20,
        ["wrong_number"] = -30,
    };

    /// <summary>
    /// Refreshes the linked customers' order history on entries (all, or the given customers): last order, order count and the
    /// usual reorder interval (mean days between their orders, with two or more orders). Cancelled and deleted orders are out.
    /// </summary>
    public const string RefreshOrderStats = """
        with stats as (
            select o.customer_id, max(o.created_at) as last_at, count(*)::int as n,
                   case when count(*) > 1 then extract(epoch from max(o.created_at) - min(o.created_at)) / 86400.0 / (count(*) - 1) end as interval_days
            from wholesale.orders o
            where o.deleted_at is null and o.status <> 'cancelled' and o.customer_id is not null
              and o.customer_id in (select customer_id from wholesale.calling_list where customer_id is not null)
            group by o.customer_id
        )
        update wholesale.calling_list e
           set last_order_at = s.last_at, order_count = coalesce(s.n, 0), reorder_interval_days = round(s.interval_days::numeric, 2)
          from wholesale.calling_list e2
          left join stats s on s.customer_id = e2.customer_id
         where e.id = e2.id and e2.customer_id is not null
           and (e.last_order_at is distinct from s.last_at or e.order_count <> coalesce(s.n, 0)
                or e.reorder_interval_days is distinct from round(s.interval_days::numeric, 2))
        """;
}

/// <summary>A calling-list entry on the wire.</summary>
sealed record Entry
{
    public long Id { get; init; }
    public long? CustomerId { get; init; }
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? ContactName { get; init; }
    public string? CompanyName { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
    public string? Phone2 { get; init; }
    public string? Address { get; init; }
    public string? Notes { get; init; }
    public long? AssignedTo { get; init; }
    public string? AssignedToName { get; init; }
    public string Status { get; init; } = "new";
    public double PriorityScore { get; init; }
    public DateTimeOffset? LastCalled { get; init; }
    public string? LastEvent { get; init; }
    public DateTimeOffset? LastEventAt { get; init; }
    public DateTimeOffset? LastOrderAt { get; init; }
    public int OrderCount { get; init; }
    public double? ReorderIntervalDays { get; init; }
    public bool DoNotCall { get; init; }
    public string Source { get; init; } = "manual";
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}
