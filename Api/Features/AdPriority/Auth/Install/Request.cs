using Api.Infrastructure.Auth;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.AdPriority.Auth.Install;

sealed record Request : IRequest<ErrorOr<Response>>
{
    public string? Shop { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator() => RuleFor(r => r.Shop).Must(s => AdPriorityAuth.NormalizeShop(s) is not null)
            .WithMessage("shop must be a <name>.myshopify.com domain").WithErrorCode("shop");
    }
}

sealed record Response(string AuthorizeUrl, string State, DateTime ExpiresAt);
