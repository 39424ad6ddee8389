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

namespace Api.Features.ShopperSearch.User.ProfileByEmail;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, ProfileRow>
{
    public override void Configure()
    {
        Post("api/v1/user/profile/email");
        Group<ShopperSearchGroup>();
        Description(b => b.WithSummary("Find a shopper profile by email (POST keeps the email out of URLs)").Produces<ProfileRow>().ProducesProblemDetails(404));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}

sealed record Request : IRequest<ErrorOr<ProfileRow>>
{
    public string? EmailId { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator() => RuleFor(r => r.EmailId).NotEmpty().WithMessage(Rules.Required).WithErrorCode(Rules.MissingType)
            .EmailAddress().WithMessage("value is not a valid email address").WithErrorCode("value_error.email");
    }
}

sealed class Handler(AppDb db, TenantContext tenant) : IRequestHandler<Request, ErrorOr<ProfileRow>>
{
    static readonly string GetSql = Sql.Load<Handler>("ProfileByEmail.sql");

    public async ValueTask<ErrorOr<ProfileRow>> Handle(Request req, CancellationToken ct)
    {
        await using var tx = await db.BeginTenantAsync(ct);
        var rows = await db.QueryToListAsync<ProfileRow>(GetSql, new { Merchant = ShopperSearchAuth.MerchantOf(tenant), EmailId = req.EmailId!.Trim() }, ct);
        await tx.CommitAsync(ct);
        return rows is [var row] ? row : Error.NotFound("Profile.NotFound", "User profile not found");
    }
}
