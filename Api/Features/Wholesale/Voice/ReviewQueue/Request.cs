using System.Text.Json;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.Voice.ReviewQueue;

sealed record Request : IRequest<ErrorOr<JsonElement>>
{
    [QueryParam, BindFrom("agent_id")] public long? AgentId { get; init; }
    [QueryParam] public string? Status { get; init; }
    [QueryParam] public int? Limit { get; init; }
    [QueryParam, BindFrom("call_type")] public string? CallType { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Status).Must(s => s is null or "complete" or "reviewed" or "flagged").WithMessage("status is one of complete, reviewed, flagged");
            RuleFor(r => r.CallType).Must(s => s is null or "all" or "inbound_order" or "outbound_sales").WithMessage("call_type is inbound_order or outbound_sales");
            RuleFor(r => r.Limit).InclusiveBetween(1, 500);
            RuleFor(r => r.AgentId).GreaterThan(0);
        }
    }
}
