using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.Sourcing.ListSuppliers;

sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<List<SupplierRow>>>
{
    // search: every word must appear in one of the names or contacts (case-insensitive substring)
    static readonly string ListSql = SupplierRow.Select + """

        and (@Active::boolean is null or s.is_active = @Active::boolean)
        and (@Platform::text is null or lower(s.platform) = lower(@Platform::text))
        and (@Words::text[] is null or not exists (
                select 1 from unnest(@Words::text[]) w
                where strpos(lower(concat_ws(' ', s.name, s.name_cn, s.contact_name, s.contact_wechat, s.contact_email, s.contact_phone)), w) = 0))
        order by s.is_active desc, s.rating desc nulls last, lower(s.name), s.id
        """;

    public async ValueTask<ErrorOr<List<SupplierRow>>> Handle(Request req, CancellationToken ct)
    {
        var words = req.Search?.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var active = string.IsNullOrWhiteSpace(req.Active) ? null : Request.ActiveFilter(req.Active);
        return await db.QueryToListAsync<SupplierRow>(ListSql, new
        {
            Active = active, Platform = Rules.Opt(req.Platform), Words = words is { Length: > 0 } ? words : null,
        }, ct);
    }
}
