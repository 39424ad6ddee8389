using Api.Features.ShopperSearch.Common;
using Api.Infrastructure.Auth;
using Api.Infrastructure.Database;
using Api.Infrastructure.Http;
using Api.Infrastructure.Tenancy;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.ShopperSearch.User.CreateProfile;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, ProfileRow>
{
    public override void Configure()
    {
        Post("api/v1/user/profile");
        Group<ShopperSearchGroup>();
        Description(b => b.WithSummary("Create a shopper profile, or return the existing one for that email").Produces<ProfileRow>());
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}

sealed record Request : IRequest<ErrorOr<ProfileRow>>
{
    public string? UserName { get; init; }
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? EmailId { get; init; }
    public string? ProfileName { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            foreach (var rule in new[] { RuleFor(r => r.UserName), RuleFor(r => r.FirstName), RuleFor(r => r.LastName), RuleFor(r => r.EmailId) })
                rule.NotEmpty().WithMessage(Rules.Required).WithErrorCode(Rules.MissingType).MaximumLength(320).WithMessage("ensure this value has at most 320 characters");
            RuleFor(r => r.EmailId).EmailAddress().WithMessage("value is not a valid email address").WithErrorCode("value_error.email").When(r => !string.IsNullOrEmpty(r.EmailId));
            RuleFor(r => r.ProfileName).MaximumLength(200).WithMessage("ensure this value has at most 200 characters");
        }
    }
}

sealed class Handler(AppDb db, TenantContext tenant) : IRequestHandler<Request, ErrorOr<ProfileRow>>
{
    static readonly string CreateSql = Sql.Load<Handler>("CreateProfile.sql");

    public async ValueTask<ErrorOr<ProfileRow>> Handle(Request req, CancellationToken ct)
    {
        await using var tx = await db.BeginTenantAsync(ct);
        var rows = await db.QueryToListAsync<ProfileRow>(CreateSql, new
        {
            Merchant = ShopperSearchAuth.MerchantOf(tenant), UserName = req.UserName!.Trim(), FirstName = req.FirstName!.Trim(),
            LastName = req.LastName!.Trim(), EmailId = req.EmailId!.Trim(), req.ProfileName,
        }, ct);
        await tx.CommitAsync(ct);
        return rows[0];
    }
}
