using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.SalesCallingList.BatchAssign;

sealed record Request : IRequest<ErrorOr<Response>>
{
    public long[]? Ids { get; init; }
    public long? AssigneeId { get; init; }
    [HideFromDocs] public long? StaffId { get; init; }
    [HideFromDocs] public long? RepId { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Ids).NotEmpty().WithMessage("list at least one entry id");
            RuleFor(r => r.Ids!.Length).LessThanOrEqualTo(20_000).OverridePropertyName("ids").When(r => r.Ids is not null);
            RuleFor(r => r.AssigneeId).GreaterThan(0);
        }
    }
}

sealed record Response(bool Success, int Updated);
