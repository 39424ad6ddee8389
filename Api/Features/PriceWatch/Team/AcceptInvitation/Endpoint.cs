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
        // membership rows are read-only to the app through the user settings: the database function checks the
        // invitation (addressed to the token's email, pending, unexpired) and grants exactly its role (db/sql/pricewatch/0004)
        await using var tx = await PwTx.BeginAsync(db, caller, ct);
        var result = await db.QueryToListAsync<Row>("""
            select outcome as "Outcome", tenant_id as "TenantId", role as "Role" from pricewatch.accept_invitation(@Id)
            """, new { req.Id }, ct);
        await tx.CommitAsync(ct);
        if (result is not [var r]) return Error.NotFound("PriceWatch.InvitationNotFound", "Invitation not found");
        return r.Outcome switch
        {
            "accepted" => new Response("accepted", r.TenantId!.Value, r.Role!),
            "accepted_already" => Error.Conflict("PriceWatch.InvitationClosed", "This invitation was accepted"),
            "revoked" => Error.Conflict("PriceWatch.InvitationClosed", "This invitation was revoked"),
            "expired" => Error.Custom(410, "PriceWatch.InvitationExpired", "This invitation has expired; ask for it to be resent"),
            "member_already" => Error.Conflict("PriceWatch.AlreadyInWorkspace", "You already belong to a workspace; leave it before joining another"),
            _ => Error.NotFound("PriceWatch.InvitationNotFound", "Invitation not found"),
        };
    }

    sealed class Row
    {
        public string Outcome { get; init; } = "";
        public Guid? TenantId { get; init; }
        public string? Role { get; init; }
    }
}
