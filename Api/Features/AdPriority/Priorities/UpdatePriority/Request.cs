using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.AdPriority.Priorities.UpdatePriority;

sealed record Request : IRequest<ErrorOr<Response>>
{
    public Guid VariantId { get; init; }
    public int? Priority { get; init; }
    /// <summary>Default true: a manual priority is locked against recalculation.</summary>
    public bool? Override { get; init; }
    public string? OverrideReason { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Priority).NotNull().WithMessage("Priority is required").WithErrorCode("required")
                .InclusiveBetween(0, 5).WithMessage("Priority must be between 0 and 5").WithErrorCode("range:0-5");
            RuleFor(r => r.OverrideReason).MaximumLength(500).WithErrorCode("max:500");
        }
    }
}

sealed record Response(Guid VariantId, int Priority, int? PreviousPriority, bool Override, string? OverrideReason, Labels CustomLabels, DateTime CalculatedAt);
sealed record Labels(string Label0, string Label1, string Label2, string Label3, string Label4);
