using Api.Features.PriceWatch.Common;
using Api.Infrastructure.Database;
using Api.Infrastructure.Http;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.PriceWatch.Team.Invite;

/// <summary>
/// <c>POST /api/team/invite</c> (owner, admin). Refused: inviting yourself (400), an admin inviting an admin (403), an email
/// with a pending unexpired invitation (409), an email that is already a member (409). An expired pending invitation for the
/// same email is marked expired and replaced.
/// </summary>
sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("api/team/invite");
        Group<PriceWatchGroup>();
        Description(b => b.WithTags("PriceWatch").WithSummary("Invite someone to the workspace").Produces<Response>(201));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) => await Send.ResultAsync(await mediator.Send(req, ct), ct, 201);
}

sealed record Request : IRequest<ErrorOr<Response>>
{
    public string Email { get; init; } = "";
    public string Role { get; init; } = "member";

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Email).NotEmpty().MaximumLength(320).EmailAddress().WithMessage("email must be a valid email address");
            RuleFor(r => r.Role).Must(r => r is "admin" or "member" or "viewer").WithMessage("role must be one of admin, member, viewer");
        }
    }
}

sealed class Invitation
{
    public Guid Id { get; init; }
    public string Email { get; init; } = "";
    public string Role { get; init; } = "";
    public string Status { get; init; } = "";
    public Guid? InvitedBy { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

sealed record Response(string Status, bool EmailSent, string EmailDelivery, Invitation Invitation);

sealed class Handler(AppDb db, Caller caller, InvitationMail mail) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string ChecksSql = Sql.Load<Handler>("Checks.sql");
    static readonly string InsertSql = Sql.Load<Handler>("Insert.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        if (caller.Require("admin") is { } forbidden) return forbidden;
        var email = req.Email.Trim().ToLowerInvariant();
        if (email == caller.Email) return Error.Failure("PriceWatch.InviteSelf", "You cannot invite yourself");
        if (req.Role == "admin" && !caller.IsOwner) return Error.Forbidden("PriceWatch.AdminInvite", "Only the owner can invite admins");

        await using var tx = await PwTx.BeginAsync(db, caller, ct);
        var check = (await db.QueryToListAsync<Check>(ChecksSql, new { caller.TenantId, Email = email }, ct)).Single();
        if (check.IsMember) return Error.Conflict("PriceWatch.AlreadyMember", $"{email} is already a member of this workspace");
        if (check.HasPending) return Error.Conflict("PriceWatch.DuplicateInvitation", $"A pending invitation for {email} already exists");
        var invitation = (await db.QueryToListAsync<Invitation>(InsertSql,
            new { caller.TenantId, Email = email, req.Role, InvitedBy = caller.UserId }, ct)).Single();
        await tx.CommitAsync(ct);

        var sent = await mail.SendAsync(invitation.Id, caller.TenantId, check.TenantName, email, req.Role, ct);
        return new Response("created", sent.EmailSent, sent.Delivery, invitation);
    }

    sealed class Check
    {
        public bool IsMember { get; init; }
        public bool HasPending { get; init; }
        public string TenantName { get; init; } = "";
    }
}
