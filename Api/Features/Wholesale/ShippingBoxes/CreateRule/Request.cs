using System.Text.Json.Serialization;
using Api.Features.Wholesale.Common;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.ShippingBoxes.CreateRule;

sealed record Request : IRequest<ErrorOr<Response>>
{

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
            RuleFor(r => r.ProductId).NotNull();
            RuleFor(r => r).Must(r => (r.LengthIn is null && r.WidthIn is null && r.HeightIn is null) || (r.LengthIn is not null && r.WidthIn is not null && r.HeightIn is not null))
                .WithName("length_in").WithMessage("give length_in, width_in and height_in together");
        }
    }
}

sealed record Response(bool Success, BoxRule BoxRecommendation);
