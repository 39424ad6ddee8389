using Api.Infrastructure.Auth;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.AdPriority.Auth.Callback;

/// <summary>The OAuth redirect's query parameters, forwarded by the frontend. <c>host</c> is signed too when Shopify sends it.</summary>
sealed record Request : IRequest<ErrorOr<Response>>
{
    public string? Code { get; init; }
    public string? Shop { get; init; }
    public string? Hmac { get; init; }
    public string? Timestamp { get; init; }
    public string? State { get; init; }
    public string? Host { get; init; }

    public IEnumerable<KeyValuePair<string, string>> Signed()
    {
        if (Code is not null) yield return new("code", Code);
        if (Host is not null) yield return new("host", Host);
        if (Shop is not null) yield return new("shop", Shop);
        if (State is not null) yield return new("state", State);
        if (Timestamp is not null) yield return new("timestamp", Timestamp);
    }

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Code).NotEmpty().MaximumLength(255).WithErrorCode("required");
            RuleFor(r => r.Shop).Must(s => AdPriorityAuth.NormalizeShop(s) is not null).WithMessage("shop must be a <name>.myshopify.com domain").WithErrorCode("shop");
            RuleFor(r => r.Hmac).NotEmpty().MaximumLength(128).WithErrorCode("required");
            RuleFor(r => r.Timestamp).Matches("^[0-9]{1,11}$").WithMessage("timestamp must be Unix seconds").WithErrorCode("unix-seconds");
            RuleFor(r => r.Timestamp).NotEmpty().WithErrorCode("required");
            RuleFor(r => r.State).NotEmpty().MaximumLength(128).WithErrorCode("required");
        }
    }
}

sealed record Response(bool Success, TenantOut Tenant, string RedirectUrl);
sealed record TenantOut(Guid Id, string ShopifyShopDomain, string PlanTier, string Status);
