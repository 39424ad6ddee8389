using Api.Features.AdPriority.Scoring;
using Api.Infrastructure.Database;
using Api.Infrastructure.Tenancy;
using ErrorOr;
using Mediator;

namespace Api.Features.AdPriority.Seasons.ListSeasons;

sealed class Handler(AppDb db, TenantContext tenant, TimeProvider clock) : IRequestHandler<Request, ErrorOr<Response>>
{
    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var id = Guid.Parse(tenant.Id!);
        await using var tx = await db.BeginTenantAsync(ct);
        var t = await Tenant.GetAsync(db, id, ct);
        var rows = await SeasonRows.LoadAsync(db, id, null, ct);
        await tx.CommitAsync(ct);

        var defs = rows.Select(r => r.Def).ToList();
        var today = SeasonCalendar.Today(clock.GetUtcNow().UtcDateTime, SeasonCalendar.Zone(t?.Timezone));
        var current = SeasonCalendar.Current(defs, today.Month);
        var next = SeasonCalendar.NextTransition(defs, today);
        return new Response(current?.Season,
            current is null ? null : new Calendar(current.Id, current.Name, current.Season, current.StartMonth, current.EndMonth),
            next is { } n ? new Transition(n.To.Season, n.Date, n.DaysUntil) : null,
            rows.Select(r => new Item(r.Id, r.Name, r.Season, r.StartMonth, r.EndMonth, r.Id == current?.Id, r.CategoryOverrides)).ToList());
    }
}
