using Api.Features.Wholesale.Common;
using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.StaffUsers.ListUsers;

/// <summary>The document's two GET /api/staff/users entries, one route.</summary>
sealed class Endpoint(IMediator mediator) : Endpoint<Request, object>
{
    public override void Configure()
    {
        Get("api/staff/users");
        Group<WholesaleGroup>();
        this.Staff();
        Description(b => b.WithSummary("Staff users, or website customer accounts (documented twice)")
            .WithDescription("The document lists this path twice. With any of `page`, `per_page`, `search` in the query it answers the " +
                             "paginated website-registered customer accounts (customers with a login who registered themselves; imported " +
                             "contacts, guests and callers without a login are left out): `{users, total, page, per_page, pages}`, for any " +
                             "staff role (`Staff`). Without them it answers the staff-user list, an array of `{id, username, email, " +
                             "full_name, first_name, last_name, role, is_active, created_at, updated_at}` (deleted staff users hidden), for " +
                             "admin or manager only (`Staff + Admin`; other roles 403).")
            .Produces<List<StaffUserView>>().ProducesProblemDetails(400).ProducesProblemDetails(401).ProducesProblemDetails(403));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var q = HttpContext.Request.Query;
        var accounts = q.ContainsKey("page") || q.ContainsKey("per_page") || q.ContainsKey("search");
        await Send.ResultAsync(await mediator.Send(req with { Accounts = accounts, Caller = Caller.From(User) }, ct), ct);
    }
}
