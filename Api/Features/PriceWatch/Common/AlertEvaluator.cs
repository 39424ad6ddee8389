using Api.Infrastructure.Database;
using Api.Infrastructure.Integrations.Mail;
using LinqToDB.Data;

namespace Api.Features.PriceWatch.Common;

/// <summary>
/// Turns price changes recorded since the last evaluation into alert_history rows when their size reaches the tenant's
/// threshold, then emails one digest to the configured recipients (or the owner and admins). Runs after every scrape and
/// on <c>POST /api/alerts/evaluate</c>. Idempotent: each price_history row raises at most one alert.
/// </summary>
sealed class AlertEvaluator(AppDb db, IMailSender mail)
{
    static readonly string EvaluateSql = Sql.Load<AlertEvaluator>("EvaluateAlerts.sql");

    public sealed record Outcome(int EvaluatedChanges, int AlertsCreated, bool Notified, bool Enabled, decimal ThresholdPercent);

    sealed class Alert
    {
        public long Id { get; init; }
        public string ProductName { get; init; } = "";
        public string? CompetitorName { get; init; }
        public decimal OldPrice { get; init; }
        public decimal NewPrice { get; init; }
        public decimal ChangePercent { get; init; }
    }

    sealed class Config
    {
        public bool Enabled { get; init; }
        public decimal ThresholdPercent { get; init; }
        public bool NotifyEmail { get; init; }
        public string[] Recipients { get; init; } = [];
        public long LastEvaluatedId { get; init; }
        public long MaxId { get; init; }
    }

    /// <summary>Runs in its own tenant transaction.</summary>
    public async Task<Outcome> EvaluateAsync(Guid tenant, CancellationToken ct)
    {
        List<Alert> created;
        Config cfg;
        string[] recipients;
        await using (var tx = await PwTx.BeginTenantAsync(db, tenant, ct))
        {
            cfg = (await db.QueryToListAsync<Config>("""
                insert into pricewatch.alert_configs (tenant_id) values (@T) on conflict do nothing;
                select enabled as "Enabled", threshold_percent as "ThresholdPercent", notify_email as "NotifyEmail", recipients as "Recipients",
                       last_evaluated_id as "LastEvaluatedId",
                       coalesce((select max(id) from pricewatch.price_history where tenant_id = @T), 0) as "MaxId"
                  from pricewatch.alert_configs where tenant_id = @T for update
                """, new { T = tenant }, ct)).Single();
            if (!cfg.Enabled)
            {
                await db.ExecuteAsync("update pricewatch.alert_configs set last_evaluated_id = @Max, last_evaluated_at = now() where tenant_id = @T",
                    new { T = tenant, Max = cfg.MaxId }, ct);
                await tx.CommitAsync(ct);
                return new Outcome(0, 0, false, false, cfg.ThresholdPercent);
            }
            created = await db.QueryToListAsync<Alert>(EvaluateSql,
                new { T = tenant, After = cfg.LastEvaluatedId, Upto = cfg.MaxId, Threshold = cfg.ThresholdPercent }, ct);
            recipients = cfg.Recipients.Length > 0 ? cfg.Recipients : (await db.QueryToListAsync<string>("""
                select u.email from pricewatch.user_tenants ut join pricewatch.users u on u.id = ut.user_id
                 where ut.tenant_id = @T and ut.role in ('owner', 'admin') and u.email is not null
                """, new { T = tenant }, ct)).ToArray();
            await tx.CommitAsync(ct);
        }
        var changes = (int)Math.Min(int.MaxValue, cfg.MaxId - cfg.LastEvaluatedId);
        if (created.Count == 0 || !cfg.NotifyEmail || recipients.Length == 0) return new Outcome(changes, created.Count, false, true, cfg.ThresholdPercent);

        var lines = created.Take(50).Select(a =>
            $"- {a.ProductName} ({a.CompetitorName}): {a.OldPrice:0.00} -> {a.NewPrice:0.00} ({a.ChangePercent:+0.0;-0.0}%)");
        var text = $"{created.Count} competitor price change(s) of at least {cfg.ThresholdPercent:0.##}%:\n\n" + string.Join('\n', lines)
                   + (created.Count > 50 ? $"\n... and {created.Count - 50} more" : "");
        foreach (var to in recipients)
            await mail.SendAsync(new OutgoingMail(to, $"PriceWatch: {created.Count} price change alert(s)", text, null, "pricewatch.alert", tenant.ToString()), ct);
        await using (var tx = await PwTx.BeginTenantAsync(db, tenant, ct))
        {
            await db.ExecuteAsync("update pricewatch.alert_history set notified = true where tenant_id = @T and id = any(@Ids)",
                new { T = tenant, Ids = created.Select(a => a.Id).ToArray() }, ct);
            await tx.CommitAsync(ct);
        }
        return new Outcome(changes, created.Count, true, true, cfg.ThresholdPercent);
    }
}
