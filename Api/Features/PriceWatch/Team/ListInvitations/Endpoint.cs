using Api.Features.PriceWatch.Common;
using Api.Infrastructure.Database;
using Api.Infrastructure.Http;
using ErrorOr;
using FastEndpoints;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.PriceWatch.Team.ListInvitations;

/// <summary><c>GET /api/team/invitations</c> (owner, admin): every invitation, newest first; pending ones past expiry read <c>expired</c>.</summary>
sealed class Endpoint(IMediator mediator) : EndpointWithoutRequest<List<Invitation>>
{
    public override void Configure()
    {
        Get("api/team/invitations");
        Group<PriceWatchGroup>();
        Description(b => b.WithTags("PriceWatch").WithSummary("List the workspace's invitations").Produces<List<Invitation>>());
    }

    public override async Task HandleAsync(CancellationToken ct) => await Send.ResultAsync(await mediator.Send(new Request(), ct), ct);
}

sealed record Request : IRequest<ErrorOr<List<Invitation>>>;

sealed class Invitation
{
    public Guid Id { get; init; }
    public string Email { get; init; } = "";
    public string Role { get; init; } = "";
    public string Status { get; init; } = "";
    public Guid? InvitedBy { get; init; }
    public string? InvitedByEmail { get; init; }
    public int ResentCount { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? AcceptedAt { get; init; }
}

sealed class Handler(AppDb db, Caller caller) : IRequestHandler<Request, ErrorOr<List<Invitation>>>
{
    static readonly string ListSql = Sql.Load<Handler>("ListInvitations.sql");

    public async ValueTask<ErrorOr<List<Invitation>>> Handle(Request req, CancellationToken ct)
    {
        if (caller.Require("admin") is { } forbidden) return forbidden;
        await using var tx = await PwTx.BeginAsync(db, caller, ct);
        var list = await db.QueryToListAsync<Invitation>(ListSql, new { caller.TenantId }, ct);
        await tx.CommitAsync(ct);
        return list;
    }
}
