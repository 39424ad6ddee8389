-- Updates one calendar's months and, when @Replace, clears its category overrides (ReplaceOverrides.sql adds the new set).
-- Returns 0 when the season does not exist (or is another tenant's).
with s as (
    update adpriority.seasons
       set start_month = coalesce(cast(@StartMonth as int), start_month), end_month = coalesce(cast(@EndMonth as int), end_month), updated_at = now()
     where tenant_id = @TenantId and id = @Id
    returning id
), gone as (
    delete from adpriority.season_category_overrides o using s where @Replace and o.season_id = s.id and o.tenant_id = @TenantId
)
select count(*)::int from s;
