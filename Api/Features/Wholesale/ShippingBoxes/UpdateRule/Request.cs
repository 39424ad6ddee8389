using System.Text.Json.Serialization;
using Api.Features.Wholesale.Common;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.ShippingBoxes.UpdateRule;

sealed record Request : IRequest<ErrorOr<Response>>
{
    [BindFrom("rule_id")] public long RuleId { get; init; }
    public long? ProductId { get; init; }
    public int? QtyPerBox { get; init; }
    public string? BoxName { get; init; }
    public decimal? LengthIn { get; init; }
    public decimal? WidthIn { get; init; }
    public decimal? HeightIn { get; init; }
    public string? Notes { get; init; }
    [JsonIgnore] public Caller Caller { get; init; } = Caller.Anonymous;

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.ProductId).GreaterThan(0);
            RuleFor(r => r.QtyPerBox).InclusiveBetween(1, 10_000);
            RuleFor(r => r.BoxName).MaximumLength(100);
            RuleFor(r => r.Notes).MaximumLength(1000);
            RuleFor(r => r.LengthIn).GreaterThan(0).LessThanOrEqualTo(120);
            RuleFor(r => r.WidthIn).GreaterThan(0).LessThanOrEqualTo(120);
            RuleFor(r => r.HeightIn).GreaterThan(0).LessThanOrEqualTo(120);

        }
    }
}

sealed record Response(bool Success, BoxRule BoxRecommendation);
