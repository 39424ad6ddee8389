using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.SalesCallingList.BatchMarkCalled;

sealed record Request : IRequest<ErrorOr<Response>>
{
    public long[]? Ids { get; init; }
    [HideFromDocs] public long? StaffId { get; init; }
    [HideFromDocs] public long? RepId { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Ids).NotEmpty().WithMessage("list at least one entry id");
            RuleFor(r => r.Ids!.Length).LessThanOrEqualTo(5_000).OverridePropertyName("ids").When(r => r.Ids is not null);
        }
    }
}

sealed record Response(bool Success, int Updated);
