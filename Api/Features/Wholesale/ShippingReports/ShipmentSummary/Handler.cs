using System.Text;
using Api.Features.Wholesale.Common;
using Api.Features.Wholesale.ShippingBoxes;
using Api.Infrastructure.Database;
using Api.Infrastructure.Integrations.Discord;
using ErrorOr;
using LinqToDB.Data;
using Mediator;
using Microsoft.Extensions.Options;

namespace Api.Features.Wholesale.ShippingReports.ShipmentSummary;

/// <summary>
/// Counts the orders awaiting shipment by status and posts them (the 25 oldest listed) to the configured Discord channel
/// (<c>Wholesale:Shipping:SummaryChannel</c>, default <c>shipping</c>) through the core's notifier, which keeps the notice
/// in its outbox when no webhook is configured.
/// </summary>
sealed class Handler(AppDb db, IDiscordNotifier discord, BusinessClock clock, IOptions<ShippingOptions> options) : IRequestHandler<Command, ErrorOr<Response>>
{
    static readonly string AwaitingSql = Sql.Load<Handler>("Awaiting.sql");

    sealed record Row(string OrderNumber, string Status, string Who, string? City, string? State, DateTimeOffset CreatedAt, long Total);

    public async ValueTask<ErrorOr<Response>> Handle(Command cmd, CancellationToken ct)
    {
        var rows = await db.QueryToListAsync<Row>(AwaitingSql, ct);
        var total = rows.Count == 0 ? 0 : (int)rows[0].Total;
        var counts = await db.QueryToListAsync<(string, int)>("""
            select status as "Item1", count(*)::int as "Item2" from wholesale.orders
             where deleted_at is null and status in ('confirmed', 'packed') group by status
            """, ct);
        var text = new StringBuilder();
        text.Append($"**Orders awaiting shipment: {total}** ({clock.Now:ddd MMM d, h:mm tt})");
        foreach (var (status, n) in counts.OrderBy(c => c.Item1)) text.Append($" · {status} {n}");
        text.Append('\n');
        foreach (var r in rows)
            text.Append($"• `{r.OrderNumber}` {r.Status} — {r.Who}{(r.City is null ? "" : $", {r.City} {r.State}")} (since {TimeZoneInfo.ConvertTime(r.CreatedAt, clock.Zone):MMM d})\n");
        if (total > rows.Count) text.Append($"…and {total - rows.Count} more\n");
        if (total == 0) text.Append("Nothing waiting. 🎉\n");
        var content = text.ToString();
        if (content.Length > 1990) content = content[..1990] + "…";
        var result = await discord.NotifyAsync(options.Value.SummaryChannel, new { content, username = "LLD Shipping" }, ct);
        var message = result.Status switch
        {
            "sent" => $"Posted the summary of {total} orders awaiting shipment to Discord",
            "outbox" => $"No Discord webhook configured: the summary of {total} orders awaiting shipment was kept in the outbox",
            _ => $"Discord did not take the summary of {total} orders awaiting shipment; it was kept in the outbox as failed",
        };
        return new Response(result.Status != "failed", message, total, result.Status);
    }
}
