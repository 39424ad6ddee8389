using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.AdPriority.Products.SyncProducts;

sealed record Request : IRequest<ErrorOr<Response>>
{
    public string Mode { get; init; } = "incremental";
    public DateTime? Since { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator() => RuleFor(r => r.Mode).Must(m => m is "full" or "incremental").WithMessage("mode must be full or incremental").WithErrorCode("enum");
    }
}

sealed record Response(Guid SyncLogId, string Status, int EstimatedProducts, string Message);
