using Api.Features.AdPriority.Scoring;
using LinqToDB.Data;

namespace Api.Features.AdPriority.Seasons;

/// <summary>Loading a tenant's calendars with their overrides (ListSeasons, UpdateSeason).</summary>
static class SeasonRows
{
    public sealed class Row
    {
        public Guid Id { get; init; }
        public string Season { get; init; } = "";
        public string Name { get; init; } = "";
        public int StartMonth { get; init; }
        public int EndMonth { get; init; }
        public DateTime UpdatedAt { get; init; }
        public string Overrides { get; init; } = "{}";
        public SeasonDef Def => new(Id, Season, Name, StartMonth, EndMonth);
        public Dictionary<string, int> CategoryOverrides => System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, int>>(Overrides) ?? [];
    }

    public static Task<List<Row>> LoadAsync(DataConnection db, Guid tenant, Guid? id, CancellationToken ct) => db.QueryToListAsync<Row>("""
        select s.id as "Id", s.season as "Season", s.name as "Name", s.start_month as "StartMonth", s.end_month as "EndMonth", s.updated_at as "UpdatedAt",
               coalesce((select jsonb_object_agg(o.category, o.priority order by o.category) from adpriority.season_category_overrides o
                          where o.season_id = s.id and o.tenant_id = @Tenant), '{}')::text as "Overrides"
        from adpriority.seasons s
        where s.tenant_id = @Tenant and (cast(@Id as uuid) is null or s.id = @Id)
        order by case s.season when 'winter' then 0 when 'spring' then 1 when 'summer' then 2 else 3 end
        """, new { Tenant = tenant, Id = id }, ct);
}
