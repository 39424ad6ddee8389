using Api.Features.PriceWatch.Common;
using Api.Infrastructure.Database;
using Api.Infrastructure.Http;
using ErrorOr;
using FastEndpoints;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.PriceWatch.Team.Me;

/// <summary>
/// <c>GET /api/team/me</c>: any signed-in user. A user without a workspace gets <c>tenant_id</c> and <c>role</c> null and the
/// pending invitations addressed to their email, which they can accept.
/// </summary>
sealed class Endpoint(IMediator mediator) : EndpointWithoutRequest<Response>
{
    public override void Configure()
    {
        Get("api/team/me");
        Group<PriceWatchSignedInGroup>();
        Description(b => b.WithTags("PriceWatch").WithSummary("Current user's role and tenant").Produces<Response>());
    }

    public override async Task HandleAsync(CancellationToken ct) => await Send.ResultAsync(await mediator.Send(new Request(), ct), ct);
}

sealed record Request : IRequest<ErrorOr<Response>>;

sealed record PendingInvitation(Guid Id, Guid TenantId, string TenantName, string Role, DateTimeOffset ExpiresAt);

sealed record Response(Guid UserId, string? Email, Guid? TenantId, string? Role, bool IsSuperAdmin, IReadOnlyList<PendingInvitation> PendingInvitations);

sealed class Handler(AppDb db, Caller caller) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string PendingSql = Sql.Load<Handler>("Pending.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        await using var tx = await PwTx.BeginAsync(db, caller, ct);
        var pending = caller.Email is null ? [] : await db.QueryToListAsync<PendingInvitation>(PendingSql, new { caller.Email }, ct);
        await tx.CommitAsync(ct);
        return new Response(caller.UserId, caller.Email, caller.TenantIdOrNull, caller.Role,
            caller.IsSuperAdmin, pending);
    }
}
