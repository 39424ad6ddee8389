using Api.Features.PriceWatch.Common;
using Api.Infrastructure.Database;
using Api.Infrastructure.Http;
using ErrorOr;
using FastEndpoints;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.PriceWatch.Team.RevokeInvitation;

/// <summary><c>DELETE /api/team/invitations/{id}</c> (owner, admin): a soft revoke (status <c>revoked</c>) of a pending invitation.</summary>
sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Delete("api/team/invitations/{Id}");
        Group<PriceWatchGroup>();
        Description(b => b.WithTags("PriceWatch").WithSummary("Revoke a pending invitation").Produces<Response>());
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}

sealed record Request : IRequest<ErrorOr<Response>>
{
    public Guid Id { get; init; }
}

sealed record Response(string Status, Guid Id);

sealed class Handler(AppDb db, Caller caller) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string RevokeSql = Sql.Load<Handler>("Revoke.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        if (caller.Require("admin") is { } forbidden) return forbidden;
        await using var tx = await PwTx.BeginAsync(db, caller, ct);
        if (await db.QueryToListAsync<Row>(RevokeSql, new { req.Id, caller.TenantId, AdminAllowed = caller.IsOwner }, ct) is not [var row])
            return Error.NotFound("PriceWatch.InvitationNotFound", "Invitation not found");
        if (row.Role == "admin" && !caller.IsOwner) return Error.Forbidden("PriceWatch.AdminInvite", "Only the owner can manage admin invitations");
        if (!row.Revoked) return Error.Conflict("PriceWatch.InvitationNotPending", $"Only pending invitations can be revoked; this one is {row.PreviousStatus}");
        await tx.CommitAsync(ct);
        return new Response("revoked", req.Id);
    }

    sealed class Row
    {
        public string PreviousStatus { get; init; } = "";
        public string Role { get; init; } = "";
        public bool Revoked { get; init; }
    }
}
