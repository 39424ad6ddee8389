using Api.Features.PriceWatch.Common;
using Api.Infrastructure.Database;
using Api.Infrastructure.Http;
using ErrorOr;
using FastEndpoints;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.PriceWatch.Team.AcceptInvitation;

/// <summary>
/// <c>POST /api/team/invitations/{id}/accept</c> (not in the reference; the half it implies): the signed-in user whose token
/// email equals the invitation's joins that workspace with the invited role. Another user's invitation is a 404 (it is not
/// visible to them); expired 410; already accepted or revoked 409; a user who already belongs to a workspace 409 (one
/// workspace per user).
/// </summary>
sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("api/team/invitations/{Id}/accept");
        Group<PriceWatchSignedInGroup>();
        Description(b => b.WithTags("PriceWatch").WithSummary("Accept an invitation addressed to your email").Produces<Response>());
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}

sealed record Request : IRequest<ErrorOr<Response>>
{
    public Guid Id { get; init; }
}

sealed record Response(string Status, Guid TenantId, string Role);

sealed class Handler(AppDb db, Caller caller) : IRequestHandler<Request, ErrorOr<Response>>
{
    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        if (caller.Email is null) return Error.Forbidden("PriceWatch.NoEmail", "Your token carries no email address");
        await using var tx = await PwTx.BeginAsync(db, caller, ct);
        var found = await db.QueryToListAsync<Row>("""
            select tenant_id as "TenantId", role as "Role", status as "Status", expires_at <= now() as "Expired"
              from pricewatch.team_invitations where id = @Id and lower(email) = @Email for update
            """, new { req.Id, caller.Email }, ct);
        if (found is not [var inv]) return Error.NotFound("PriceWatch.InvitationNotFound", "Invitation not found");
        if (inv.Status is "accepted" or "revoked") return Error.Conflict("PriceWatch.InvitationClosed", $"This invitation was {inv.Status}");
        if (inv.Status == "expired" || inv.Expired)
            return Error.Custom(410, "PriceWatch.InvitationExpired", "This invitation has expired; ask for it to be resent");
        if (caller.TenantIdOrNull is not null)
            return Error.Conflict("PriceWatch.AlreadyInWorkspace", "You already belong to a workspace; leave it before joining another");
        await db.ExecuteAsync("""
            insert into pricewatch.user_tenants (user_id, tenant_id, role) values (@UserId, @TenantId, @Role);
            update pricewatch.team_invitations set status = 'accepted', accepted_at = now(), accepted_by = @UserId, updated_at = now()
             where id = @Id;
            """, new { caller.UserId, inv.TenantId, inv.Role, req.Id }, ct);
        await tx.CommitAsync(ct);
        return new Response("accepted", inv.TenantId, inv.Role);
    }

    sealed class Row
    {
        public Guid TenantId { get; init; }
        public string Role { get; init; } = "";
        public string Status { get; init; } = "";
        public bool Expired { get; init; }
    }
}
