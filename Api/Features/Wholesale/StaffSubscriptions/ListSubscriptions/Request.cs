using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.StaffSubscriptions.ListSubscriptions;

/// <summary>?status (active, paused, cancelled), ?user_id.</summary>
sealed record Request : IRequest<ErrorOr<List<SubscriptionView>>>
{
    public string? Status { get; init; }
    [BindFrom("user_id")] public long? UserId { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Status).Must(s => string.IsNullOrWhiteSpace(s) || Subscriptions.Statuses.Contains(s.Trim().ToLowerInvariant()))
                .WithMessage("Must be one of: " + string.Join(", ", Subscriptions.Statuses));
            RuleFor(r => r.UserId).GreaterThan(0).When(r => r.UserId is not null).WithMessage("Must be a positive id");
        }
    }
}
